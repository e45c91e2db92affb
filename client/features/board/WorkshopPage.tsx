import { useEffect, useState } from 'react'
import { Redirect } from 'wouter'
import { saveCredential } from '../../api/credentials'
import { MessagePage } from '../../app/MessagePage'
import { PageLayout } from '../../app/PageLayout'
import { UnreachablePage } from '../../app/UnreachablePage'
import { WorkshopNotFoundPage } from '../../app/WorkshopNotFoundPage'
import { useT } from '../../i18n/useT'
import { openWorkshop } from '../../store'
import { BoardScreen } from './BoardScreen'
import {
  forgetJoinHandOver,
  resolveSession,
  sessionFromJoin,
  takeKeyFromFragment,
  type Resolution,
} from './resolveSession'

/** /atelier/:id and /atelier/:id/animer: finds out who we are, then opens the live board. */
export function WorkshopPage({
  workshopId,
  role,
}: {
  workshopId: string
  role: 'facilitator' | 'participant'
}) {
  const t = useT()
  // Straight from the join form: the session is known, the board opens without a round trip.
  const [joined] = useState(() => (role === 'participant' ? sessionFromJoin(workshopId) : null))
  const [resolution, setResolution] = useState<Resolution | null>(joined)

  useEffect(() => {
    if (joined?.kind === 'ready' && joined.session.workshopId === workshopId) {
      forgetJoinHandOver()
      return
    }
    if (role === 'facilitator') {
      const key = takeKeyFromFragment()
      if (key) saveCredential('facilitator', workshopId, key)
    }
    let cancelled = false
    void resolveSession(workshopId, role).then((found) => {
      if (!cancelled) setResolution(found)
    })
    return () => {
      cancelled = true
    }
  }, [workshopId, role, joined])

  const session = resolution?.kind === 'ready' ? resolution.session : null
  useEffect(() => (session ? openWorkshop(session) : undefined), [session])

  if (!resolution) {
    return (
      <PageLayout narrow>
        <p className="page-loading" role="status">
          {t('board.loading')}
        </p>
      </PageLayout>
    )
  }
  switch (resolution.kind) {
    case 'ready':
      return <BoardScreen />
    case 'join':
      return <Redirect to={`/rejoindre/${resolution.joinCode}`} replace />
    case 'not_found':
      return <WorkshopNotFoundPage />
    case 'bad_key':
      return (
        <MessagePage title={t('board.facilitator')}>
          <p>{t(resolution.missing ? 'facilitator.missingKey' : 'facilitator.badKey')}</p>
        </MessagePage>
      )
    case 'unreachable':
      return <UnreachablePage />
  }
}
