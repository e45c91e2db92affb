import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useDocumentTitle } from '../../app/useDocumentTitle'
import { WorkshopNotFoundPage } from '../../app/WorkshopNotFoundPage'
import { useMeta } from '../../hooks/useMeta'
import { useT } from '../../i18n/useT'
import { ConnectionEnded } from '../connection/ConnectionEnded'
import { FollowedCard } from './FollowedCard'
import { FollowedPerspective } from './FollowedPerspective'
import { FollowedTheme } from './FollowedTheme'
import { JoinScreen } from './JoinScreen'
import { ProjectorBar } from './ProjectorBar'
import { ProjectorResults } from './ProjectorResults'
import { useProjectorView } from './projectorView'
import { VoteProgressScreen } from './VoteProgressScreen'

/** The projected screen: a bar with the step, the vote's progress and the timer, then what the room should see. */
export function ProjectorScreen() {
  const t = useT()
  const status = useConnectionStatus()
  const meta = useMeta()
  const view = useProjectorView()
  useDocumentTitle(meta.title ? `${t('projector.title')} — ${meta.title}` : t('projector.title'))
  if (status === 'not_found') return <WorkshopNotFoundPage />
  if (status === 'unauthorized' || status === 'removed') return <ConnectionEnded status={status} />
  return (
    <div className="projector">
      <ProjectorBar />
      <main className={`projector__stage projector__stage--${view.kind}`}>
        {view.kind === 'join' ? <JoinScreen /> : null}
        {view.kind === 'vote' ? <VoteProgressScreen /> : null}
        {view.kind === 'results' ? <ProjectorResults /> : null}
        {view.kind === 'theme' ? <FollowedTheme themeId={view.themeId} /> : null}
        {view.kind === 'perspective' ? <FollowedPerspective perspectiveId={view.perspectiveId} /> : null}
        {view.kind === 'card' ? <FollowedCard cardId={view.cardId} /> : null}
      </main>
    </div>
  )
}
