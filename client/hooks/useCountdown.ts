import { timeLeft, type TimerState } from '../../shared/timer'
import { useLoupeStore } from '../store'
import { useServerNow } from './useServerNow'

export interface Countdown {
  status: TimerState['status']
  /** Milliseconds left in the server's clock; 0 once over (or while idle). */
  msLeft: number
}

/** The facilitator's countdown as every screen shows it: computed from the shared state and the server clock. */
export function useCountdown(): Countdown {
  const timer = useLoupeStore((s) => s.control.timer)
  const now = useServerNow(timer.status === 'running')
  return { status: timer.status, msLeft: timeLeft(timer, now) }
}
