import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setTimer } from '../../shared/ops'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore, useLoupeStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

/** The server's clock runs 40 s ahead of this device's: every countdown must be read in the server's time. */
const OFFSET = 40_000
const LOCAL_NOW = 1_700_000_000_000

let unbind: (() => void) | null = null
beforeEach(() => {
  vi.useFakeTimers({ now: LOCAL_NOW })
})
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
  vi.useRealTimers()
})

function showTimer(timer: Parameters<typeof setTimer>[1]) {
  const { doc } = buildWorkshop()
  setTimer(doc, timer)
  unbind = openInStore(doc)
  useLoupeStore.setState({ clockOffset: OFFSET })
  render(<BoardScreen />)
}

const face = () => document.querySelector('.board-header .timer')
const announced = () =>
  screen
    .getAllByRole('status')
    .map((el) => el.textContent)
    .join('|')

describe('the countdown everyone sees', () => {
  it('counts down in the server’s clock, warms up in the last minute and says so twice', () => {
    const serverNow = LOCAL_NOW + OFFSET
    showTimer({ status: 'running', durationMs: 300_000, endsAt: serverNow + 90_000 })
    // 1:30 in the server's clock; the device's own clock would have said 2:10.
    expect(face()).toHaveTextContent('1:30')
    expect(face()).not.toHaveClass('timer--warning')
    expect(announced()).not.toMatch(/minute|écoulé/)

    act(() => vi.advanceTimersByTime(31_000))
    expect(face()).toHaveTextContent('0:59')
    expect(face()).toHaveClass('timer--warning')
    expect(announced()).toContain('Plus qu’une minute.')

    act(() => vi.advanceTimersByTime(60_000))
    expect(face()).toHaveTextContent('0:00')
    expect(face()).toHaveTextContent('terminé')
    expect(face()).toHaveClass('timer--over')
    expect(announced()).toContain('Le temps est écoulé.')
    expect(announced()).not.toContain('Plus qu’une minute.')
  })

  it('holds still while paused', () => {
    showTimer({ status: 'paused', durationMs: 600_000, remainingMs: 245_000 })
    expect(face()).toHaveTextContent('4:05')
    expect(face()).toHaveTextContent('en pause')
    act(() => vi.advanceTimersByTime(10_000))
    expect(face()).toHaveTextContent('4:05')
  })

  it('is absent while the facilitator has not started one', () => {
    showTimer({ status: 'idle' })
    expect(face()).toBeNull()
  })
})
