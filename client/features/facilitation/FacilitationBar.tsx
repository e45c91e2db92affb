import { useT } from '../../i18n/useT'
import { ExportMenu } from './ExportMenu'
import { LockToggle } from './LockToggle'
import { PhaseStepper } from './PhaseStepper'
import { ProjectorControls } from './ProjectorControls'
import { TimerControls } from './TimerControls'
import { VoteControls } from './VoteControls'
import './facilitation.css'

/** The facilitator's controls, in one bar above the board: steps, lock, timer, vote, projector, exports (co-facilitators are added from the presence list). */
export function FacilitationBar() {
  const t = useT()
  return (
    <section className="facilitation" aria-label={t('facilitation.label')}>
      <PhaseStepper />
      <div className="facilitation__tools">
        <LockToggle />
        <TimerControls />
        <VoteControls />
        <ProjectorControls />
        <ExportMenu />
      </div>
    </section>
  )
}

export default FacilitationBar
