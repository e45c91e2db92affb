import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initialControl, readBoardAccess, readControl, readRound, roots } from '../../shared/doc'
import { setFollow, setTimer } from '../../shared/ops'
import { startTimer } from '../../shared/timer'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { countUpdates, newWorkshop } from './workshopFixture'

describe('setTimer and setFollow', () => {
  it('write the countdown and the projector target, one transaction each', () => {
    const { doc } = newWorkshop()
    const timer = startTimer(1000, 60_000)
    expect(countUpdates(doc, () => setTimer(doc, timer)).updates).toBe(1)
    expect(countUpdates(doc, () => setFollow(doc, { kind: 'theme', themeId: 't' })).updates).toBe(1)
    expect(readControl(doc)).toMatchObject({ timer, follow: { kind: 'theme', themeId: 't' } })
  })
})

describe('readControl', () => {
  it('reads an empty document as the starting state', () => {
    expect(readControl(new Y.Doc())).toEqual(initialControl())
  })

  it('reads anything malformed as its starting value', () => {
    const doc = new Y.Doc()
    const control = roots(doc).control
    control.set('phase', 'pause')
    control.set('lockedThemes', ['t1', 7, ''])
    control.set('timer', { status: 'running' })
    control.set('follow', { kind: 'card' })
    control.set('hiddenCards', 'c1')
    control.set('round', {
      id: 'r',
      number: 1,
      status: 'secret',
      settings: DEFAULT_VOTE_SETTINGS,
      voters: 0,
      eligible: 0,
    })
    control.set('results', { roundId: 'r', totals: 'lots' })
    control.set('rounds', [{ id: 'r0', number: 1, settings: { budget: 0 }, totals: null, closedAt: 1 }, 'x'])
    expect(readControl(doc)).toEqual({ ...initialControl(), lockedThemes: ['t1'] })
  })

  it('keeps well-formed rounds and results, dropping counts that are not counts', () => {
    const doc = new Y.Doc()
    const control = roots(doc).control
    const round = {
      id: 'r',
      number: 2,
      status: 'revealed',
      settings: DEFAULT_VOTE_SETTINGS,
      voters: 3,
      eligible: 4,
    }
    control.set('round', round)
    control.set('results', { roundId: 'r', totals: { a: 2, b: -1 }, voters: { a: ['p1', 'p2', 5] } })
    control.set('rounds', [
      { id: 'r0', number: 1, settings: DEFAULT_VOTE_SETTINGS, totals: { a: 1 }, closedAt: 9 },
    ])
    expect(readControl(doc)).toMatchObject({
      round,
      results: { roundId: 'r', totals: { a: 2 }, voters: { a: ['p1', 'p2'] } },
      rounds: [{ id: 'r0', number: 1, totals: { a: 1 }, closedAt: 9 }],
    })
  })

  it('gives a vote the current round alone, its counts included, as the whole read gives it', () => {
    const doc = new Y.Doc()
    const control = roots(doc).control
    expect(readRound(doc)).toBeNull()
    const round = {
      id: 'r',
      number: 1,
      status: 'open',
      settings: DEFAULT_VOTE_SETTINGS,
      voters: 0,
      eligible: 4,
    }
    control.set('round', round)
    control.set('roundCounts', { roundId: 'r', voters: 2, eligible: 5 })
    control.set('results', { roundId: 'r0', totals: { a: 1 } })
    expect(readRound(doc)).toEqual({ ...round, voters: 2, eligible: 5 })
    expect(readRound(doc)).toEqual(readControl(doc).round)
    control.set('roundCounts', { roundId: 'another', voters: 9, eligible: 9 })
    expect(readRound(doc)).toEqual(round)
  })

  it('gives the referee the phase and locks alone', () => {
    const { doc } = newWorkshop()
    expect(readBoardAccess(doc)).toEqual({ phase: 'collecte', lockedThemes: [] })
  })
})
