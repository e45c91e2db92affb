import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { useT } from '../i18n/useT'
import { LanguageSwitch } from './LanguageSwitch'
import { useDocumentTitle } from './useDocumentTitle'
import './layout.css'

/** The frame of the pages around the board: brand, language switch, one main region. */
export function PageLayout({
  children,
  narrow = false,
  title,
}: {
  children: ReactNode
  narrow?: boolean
  title?: string
}) {
  const t = useT()
  useDocumentTitle(title)
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="page-header">
        <Link href="/" className="brand">
          <BrandMark />
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className={narrow ? 'page-main page-main--narrow' : 'page-main'} tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}

/** The magnifying glass drawn next to the name; decorative. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="13" cy="13" r="9" fill="none" stroke="currentColor" strokeWidth="4" />
      <path d="M20 20l8 8" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  )
}
