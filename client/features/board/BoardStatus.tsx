import { usePhase } from '../../hooks/usePhase'
import { useT } from '../../i18n/useT'
import { ConnectionIndicator } from '../connection/ConnectionIndicator'
import { PresencePanel } from '../presence/PresencePanel'

/** Next to the tabs: the workshop's step, the connection, and who is here. */
export function BoardStatus() {
  const t = useT()
  const phase = usePhase()
  return (
    <div className="board-status">
      <p className="phase-badge">{t('board.phase', { phase: t(`phase.${phase}`) })}</p>
      <ConnectionIndicator />
      <PresencePanel />
    </div>
  )
}
