import { useEffect, useState } from 'react'
import { MessagePage } from '../../app/MessagePage'
import { UnreachablePage } from '../../app/UnreachablePage'
import { WorkshopNotFoundPage } from '../../app/WorkshopNotFoundPage'
import { useT } from '../../i18n/useT'
import { openWorkshop } from '../../store'
import { ProjectorScreen } from './ProjectorScreen'
import { resolveProjector, type ProjectorResolution } from './resolveProjector'
import './projector.css'

/** /atelier/:id/projection: the room's screen, read-only, opened on the facilitator's computer. */
export function ProjectorPage({ workshopId }: { workshopId: string }) {
  const t = useT()
  const [resolution, setResolution] = useState<ProjectorResolution | null>(null)
  useEffect(() => {
    let cancelled = false
    void resolveProjector(workshopId).then((found) => {
      if (!cancelled) setResolution(found)
    })
    return () => {
      cancelled = true
    }
  }, [workshopId])
  const session = resolution?.kind === 'ready' ? resolution.session : null
  useEffect(() => (session ? openWorkshop(session) : undefined), [session])

  if (!resolution) {
    return (
      <p className="page-loading" role="status">
        {t('board.loading')}
      </p>
    )
  }
  switch (resolution.kind) {
    case 'ready':
      return <ProjectorScreen />
    case 'not_found':
      return <WorkshopNotFoundPage />
    case 'missing':
    case 'bad_key':
      return (
        <MessagePage title={t('projector.title')}>
          <p>{t(resolution.kind === 'missing' ? 'projector.missingKey' : 'facilitator.badKey')}</p>
        </MessagePage>
      )
    case 'unreachable':
      return <UnreachablePage />
  }
}

export default ProjectorPage
