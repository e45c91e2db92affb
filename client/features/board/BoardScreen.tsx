import { lazy, Suspense } from 'react'
import { WorkshopNotFoundPage } from '../../app/WorkshopNotFoundPage'
import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useRevealedResults } from '../../hooks/useRevealedResults'
import { useRole } from '../../hooks/useRole'
import { useSelectedThemeId } from '../../hooks/useSelectedThemeId'
import { useT } from '../../i18n/useT'
import { ConnectionAnnouncer } from '../connection/ConnectionAnnouncer'
import { ConnectionBanner } from '../connection/ConnectionBanner'
import { ConnectionEnded } from '../connection/ConnectionEnded'
import { VoteStatus } from '../vote/VoteStatus'
import { BoardHeader } from './BoardHeader'
import { BoardStatus } from './BoardStatus'
import { ThemePanel } from './ThemePanel'
import { ThemeTabs } from './ThemeTabs'
import { UndoToast } from './UndoToast'
import './board.css'

// Participants never download the facilitator's controls; results come once a vote is revealed.
const FacilitationBar = lazy(() => import('../facilitation/FacilitationBar'))
const ResultsPanel = lazy(() => import('../results/ResultsPanel'))

/** The live board of the open workshop, as the store mirrors it. */
export function BoardScreen() {
  const t = useT()
  const status = useConnectionStatus()
  const themeId = useSelectedThemeId()
  const role = useRole()
  const revealed = useRevealedResults() !== null
  if (status === 'not_found') return <WorkshopNotFoundPage />
  if (status === 'unauthorized' || status === 'removed') return <ConnectionEnded status={status} />
  return (
    <div className="board-page">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <BoardHeader />
      {role === 'facilitator' ? (
        <Suspense fallback={<div className="facilitation facilitation--loading" />}>
          <FacilitationBar />
        </Suspense>
      ) : null}
      <ConnectionBanner />
      <ConnectionAnnouncer />
      <main id="main" className="board-main" tabIndex={-1}>
        <div className="board-bar">
          <ThemeTabs />
          <BoardStatus />
        </div>
        <VoteStatus />
        {revealed ? (
          <Suspense fallback={null}>
            <ResultsPanel />
          </Suspense>
        ) : null}
        {themeId ? <ThemePanel key={themeId} themeId={themeId} /> : null}
      </main>
      <UndoToast />
    </div>
  )
}
