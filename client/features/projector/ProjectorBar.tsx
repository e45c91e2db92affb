import { BrandMark } from '../../app/PageLayout'
import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useMeta } from '../../hooks/useMeta'
import { usePhase } from '../../hooks/usePhase'
import { useRound } from '../../hooks/useRound'
import { useSession } from '../../hooks/useSession'
import { useT } from '../../i18n/useT'
import { isVotingStep } from '../../store'
import { TimerDisplay } from '../timer/TimerDisplay'

/** The projector's top bar: the workshop, its step, how many voted (while a round is open) and the countdown. */
export function ProjectorBar() {
  const t = useT()
  const meta = useMeta()
  const session = useSession()
  const phase = usePhase()
  const round = useRound()
  const status = useConnectionStatus()
  const showProgress = round !== null && round.status !== 'revealed' && isVotingStep(phase)
  const offline = status === 'offline' || status === 'connecting'
  return (
    <header className="projector-bar">
      <span className="projector-bar__brand" aria-hidden="true">
        <BrandMark />
      </span>
      <h1 className="projector-bar__title">{meta.title || session?.title}</h1>
      {offline ? (
        <p className="projector-bar__offline">
          {t(`connection.short.${status === 'offline' ? 'offline' : 'connecting'}`)}
        </p>
      ) : null}
      <p className="projector-bar__phase">{t(`phase.${phase}`)}</p>
      {showProgress ? (
        <p className="projector-bar__progress">
          {t('projector.voted', { voters: round.voters, eligible: round.eligible })}
        </p>
      ) : null}
      <TimerDisplay size="huge" />
    </header>
  )
}
