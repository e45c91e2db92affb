import { Icon } from '../../ui/Icon'
import { formatTimeLeft } from '../../../shared/timer'
import { useCountdown } from '../../hooks/useCountdown'
import { useT } from '../../i18n/useT'
import './timer.css'

const LAST_MINUTE_MS = 60_000

/**
 * The facilitator's countdown, for everyone: big mm:ss, a warmer colour in the last minute. Screen readers hear it
 * only twice, politely: when one minute is left and when time is up (the figures themselves are not announced).
 */
export function TimerDisplay({ size = 'header' }: { size?: 'header' | 'huge' }) {
  const t = useT()
  const { status, msLeft } = useCountdown()
  if (status === 'idle') return null
  const over = status === 'running' && msLeft <= 0
  const lastMinute = !over && msLeft <= LAST_MINUTE_MS
  const stage = over ? ' timer--over' : lastMinute ? ' timer--warning' : ''
  const paused = status === 'paused'
  return (
    <div className={`timer timer--${size}${stage}${paused ? ' timer--paused' : ''}`}>
      <p className="timer__face">
        <span className="visually-hidden">{t('timer.label')}</span>{' '}
        <Icon name="clock" className="timer__icon" />
        <span className="timer__time">{formatTimeLeft(msLeft)}</span>
        {paused ? <span className="timer__state">{t('timer.paused')}</span> : null}
        {over ? <span className="timer__state">{t('timer.over')}</span> : null}
      </p>
      <TimerAnnouncer
        message={over ? t('timer.overAnnounce') : lastMinute && !paused ? t('timer.lastMinute') : ''}
      />
    </div>
  )
}

/** A polite live region: what it says changes only at the two moments worth telling. */
function TimerAnnouncer({ message }: { message: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  )
}
