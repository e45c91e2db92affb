import { useState } from 'react'
import type { CreateWorkshopResponse } from '../../../shared/protocol'
import { PageLayout } from '../../app/PageLayout'
import { useT } from '../../i18n/useT'
import { CreateWorkshopForm } from './CreateWorkshopForm'
import { JoinByCodeForm } from './JoinByCodeForm'
import { WorkshopCreated } from './WorkshopCreated'
import './home.css'

/** The home page: create a workshop (facilitators) or type a join code (participants). */
export function HomePage() {
  const t = useT()
  const [created, setCreated] = useState<{ title: string; response: CreateWorkshopResponse } | null>(null)
  return (
    <PageLayout>
      <div className="home">
        <div className="home__intro">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.intro')}</p>
        </div>
        <div className="home__grid">
          {created ? (
            <WorkshopCreated
              title={created.title}
              workshop={created.response}
              onAnother={() => setCreated(null)}
            />
          ) : (
            <CreateWorkshopForm onCreated={(title, response) => setCreated({ title, response })} />
          )}
          <JoinByCodeForm />
        </div>
      </div>
    </PageLayout>
  )
}
