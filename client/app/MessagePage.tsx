import type { ReactNode } from 'react'
import { PageLayout } from './PageLayout'

/** A page with one message and what to do next (expired access, broken link…). */
export function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <PageLayout narrow>
      <section className="panel message-page" aria-labelledby="message-title">
        <h1 id="message-title">{title}</h1>
        {children}
      </section>
    </PageLayout>
  )
}
