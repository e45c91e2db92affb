import { Link } from 'wouter'
import { LanguageSwitch } from '../../app/LanguageSwitch'
import { useDocumentTitle } from '../../app/useDocumentTitle'
import { BrandMark } from '../../app/PageLayout'
import { useMeta } from '../../hooks/useMeta'
import { useSession } from '../../hooks/useSession'
import { useLanguage, useT } from '../../i18n/useT'
import { TimerDisplay } from '../timer/TimerDisplay'
import { formatWorkshopDate } from './formatDate'

/** The board's header: what workshop, when and where, the join code (large, to be read from the back), language. */
export function BoardHeader() {
  const t = useT()
  const language = useLanguage()
  const meta = useMeta()
  const session = useSession()
  const title = meta.title || session?.title || ''
  useDocumentTitle(title)
  const details = [formatWorkshopDate(meta.date, language), meta.place, meta.organiser].filter(
    (part) => part.trim() !== '',
  )
  const joinCode = session?.joinCode ?? ''
  return (
    <header className="board-header">
      <Link href="/" className="board-header__brand" aria-label={`${t('app.name')} — ${t('app.home')}`}>
        <BrandMark />
      </Link>
      <div className="board-header__titles">
        <h1 className="board-header__title">{title}</h1>
        {details.length > 0 ? <p className="board-header__meta">{details.join(' · ')}</p> : null}
      </div>
      <div className="board-header__side">
        <TimerDisplay />
        {session?.role === 'facilitator' ? <p className="role-badge">{t('board.facilitator')}</p> : null}
        {joinCode ? (
          <p className="header-code" title={t('board.joinCodeLabel', { code: joinCode })}>
            <span className="header-code__label">{t('board.joinCode')}</span>{' '}
            <span className="header-code__value">{joinCode}</span>
          </p>
        ) : null}
        <LanguageSwitch />
      </div>
    </header>
  )
}
