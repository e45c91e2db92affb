/** The facilitator's countdown, in the server's clock. Every screen computes time left from the same state. */

export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number }

export const IDLE_TIMER: TimerState = { status: 'idle' }
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000
export const TIMER_PRESETS_MIN = [3, 5, 10, 15, 20, 30] as const

export function startTimer(now: number, durationMs: number): TimerState {
  const duration = Math.max(1000, Math.min(MAX_TIMER_MS, Math.round(durationMs)))
  return { status: 'running', durationMs: duration, endsAt: now + duration }
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state
  return { status: 'paused', durationMs: state.durationMs, remainingMs: Math.max(0, state.endsAt - now) }
}

export function resumeTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'paused') return state
  return { status: 'running', durationMs: state.durationMs, endsAt: now + state.remainingMs }
}

/** Adds a minute to a running or paused countdown (a finished one restarts with one minute). */
export function addMinute(state: TimerState, now: number): TimerState {
  const minute = 60_000
  switch (state.status) {
    case 'idle':
      return startTimer(now, minute)
    case 'paused':
      return { ...state, durationMs: state.durationMs + minute, remainingMs: state.remainingMs + minute }
    case 'running': {
      const endsAt = Math.max(state.endsAt, now) + minute
      return { status: 'running', durationMs: state.durationMs + minute, endsAt }
    }
  }
}

/** Milliseconds left at `now` (server clock); 0 once the countdown is over. */
export function timeLeft(state: TimerState, now: number): number {
  switch (state.status) {
    case 'idle':
      return 0
    case 'paused':
      return state.remainingMs
    case 'running':
      return Math.max(0, state.endsAt - now)
  }
}

/** "4:05", "0:09", "1:02:00". */
export function formatTimeLeft(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}

/**
 * The server clock's offset from ours, from one round trip (Cristian's algorithm): the server's reading is taken
 * to be from the middle of the trip.
 */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2
}

export function isTimerState(value: unknown): value is TimerState {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.status === 'idle') return true
  if (v.status === 'running') return typeof v.durationMs === 'number' && typeof v.endsAt === 'number'
  if (v.status === 'paused') return typeof v.durationMs === 'number' && typeof v.remainingMs === 'number'
  return false
}
