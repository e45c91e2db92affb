import { describe, expect, it } from 'vitest'
import {
  addMinute,
  clockOffset,
  formatTimeLeft,
  IDLE_TIMER,
  isTimerState,
  MAX_TIMER_MS,
  pauseTimer,
  resumeTimer,
  startTimer,
  timeLeft,
} from '../../shared/timer'

describe('timer', () => {
  it('counts down from the start in the server clock', () => {
    const running = startTimer(1_000, 300_000)
    expect(timeLeft(running, 1_000)).toBe(300_000)
    expect(timeLeft(running, 61_000)).toBe(240_000)
    expect(timeLeft(running, 1_000_000)).toBe(0)
  })

  it('pauses and resumes without losing time', () => {
    const paused = pauseTimer(startTimer(0, 60_000), 20_000)
    expect(paused).toEqual({ status: 'paused', durationMs: 60_000, remainingMs: 40_000 })
    expect(timeLeft(paused, 999_999)).toBe(40_000)
    const resumed = resumeTimer(paused, 100_000)
    expect(timeLeft(resumed, 110_000)).toBe(30_000)
    expect(pauseTimer(IDLE_TIMER, 5)).toBe(IDLE_TIMER)
    expect(resumeTimer(resumed, 5)).toBe(resumed)
  })

  it('adds a minute whatever the state', () => {
    expect(timeLeft(addMinute(startTimer(0, 30_000), 10_000), 10_000)).toBe(80_000)
    expect(timeLeft(addMinute(startTimer(0, 30_000), 50_000), 50_000)).toBe(60_000)
    expect(addMinute({ status: 'paused', durationMs: 10, remainingMs: 5 }, 0)).toEqual({
      status: 'paused',
      durationMs: 60_010,
      remainingMs: 60_005,
    })
    expect(timeLeft(addMinute(IDLE_TIMER, 0), 0)).toBe(60_000)
  })

  it('clamps absurd durations', () => {
    expect(timeLeft(startTimer(0, -5), 0)).toBe(1000)
    expect(timeLeft(startTimer(0, 1e12), 0)).toBe(MAX_TIMER_MS)
  })

  it('formats minutes and seconds, rounding up', () => {
    expect(formatTimeLeft(245_000)).toBe('4:05')
    expect(formatTimeLeft(8_100)).toBe('0:09')
    expect(formatTimeLeft(0)).toBe('0:00')
    expect(formatTimeLeft(3_720_000)).toBe('1:02:00')
  })

  it('estimates the server clock offset from a round trip', () => {
    // Our clock is 10 s behind; the trip took 200 ms.
    expect(clockOffset(1_000, 11_100, 1_200)).toBe(10_000)
  })

  it('recognises valid timer states only', () => {
    expect(isTimerState(startTimer(0, 1000))).toBe(true)
    expect(isTimerState({ status: 'running', endsAt: 'soon' })).toBe(false)
    expect(isTimerState(null)).toBe(false)
  })
})
