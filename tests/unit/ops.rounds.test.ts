import { describe, expect, it } from 'vitest'
import { readControl } from '../../shared/doc'
import {
  countEligible,
  openRound,
  putRosterEntry,
  refreshEligible,
  revealRound,
  setRoundCounts,
  setRoundOpen,
  writeResults,
} from '../../shared/ops'
import type { RosterEntry } from '../../shared/schema'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { countUpdates, newWorkshop, snapshot } from './workshopFixture'

const person = (role: RosterEntry['role'], removed = false): RosterEntry => ({
  name: 'Lucie',
  centre: 'Centre social Le Lavoir',
  role,
  joinedAt: 1,
  ...(removed ? { removed: true } : {}),
})

function withRoster() {
  const { doc } = newWorkshop()
  putRosterEntry(doc, 'facilitator-1', person('facilitator'))
  putRosterEntry(doc, 'p-a', person('participant'))
  putRosterEntry(doc, 'p-b', person('participant'))
  putRosterEntry(doc, 'p-gone', person('participant', true))
  return doc
}

describe('countEligible', () => {
  it('counts participants who were not removed, not facilitators', () => {
    expect(countEligible(withRoster())).toBe(2)
  })
})

describe('openRound', () => {
  it('opens round 1 with no voters, in one transaction', () => {
    const doc = withRoster()
    const { result: round, updates } = countUpdates(doc, () => openRound(doc, DEFAULT_VOTE_SETTINGS, 1000))
    expect(updates).toBe(1)
    expect(round).toMatchObject({
      number: 1,
      status: 'open',
      settings: DEFAULT_VOTE_SETTINGS,
      voters: 0,
      eligible: 2,
    })
    expect(readControl(doc)).toMatchObject({ round, results: null, rounds: [] })
  })

  it('moves the current round to the past, with its totals only if it was revealed', () => {
    const doc = withRoster()
    const first = openRound(doc, DEFAULT_VOTE_SETTINGS, 1000)
    revealRound(doc, { roundId: first.id, totals: { x: 3 } })
    const second = openRound(doc, { ...DEFAULT_VOTE_SETTINGS, budget: 5 }, 2000)
    const third = openRound(doc, DEFAULT_VOTE_SETTINGS, 3000)
    const control = readControl(doc)
    expect(control.round).toMatchObject({ id: third.id, number: 3 })
    expect(control.results).toBeNull()
    expect(control.rounds).toEqual([
      { id: first.id, number: 1, settings: DEFAULT_VOTE_SETTINGS, totals: { x: 3 }, closedAt: 2000 },
      {
        id: second.id,
        number: 2,
        settings: { ...DEFAULT_VOTE_SETTINGS, budget: 5 },
        totals: null,
        closedAt: 3000,
      },
    ])
  })
})

describe('round status', () => {
  it('closes, reveals with results, and reopening hides the results again', () => {
    const doc = withRoster()
    const round = openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    expect(setRoundOpen(doc, false)).toBe(true)
    expect(readControl(doc).round?.status).toBe('closed')
    const results = { roundId: round.id, totals: { a: 2 }, voters: { a: ['p-a', 'p-b'] } }
    expect(countUpdates(doc, () => revealRound(doc, results)).updates).toBe(1)
    expect(readControl(doc)).toMatchObject({ round: { status: 'revealed' }, results })
    expect(setRoundOpen(doc, true)).toBe(true)
    expect(readControl(doc)).toMatchObject({ round: { status: 'open' }, results: null })
  })

  it('does nothing without a round, or for results of another round', () => {
    const doc = withRoster()
    const before = snapshot(doc)
    expect(setRoundOpen(doc, false)).toBe(false)
    expect(revealRound(doc, { roundId: 'r', totals: {} })).toBe(false)
    expect(snapshot(doc)).toBe(before)
    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    expect(revealRound(doc, { roundId: 'another', totals: { a: 1 } })).toBe(false)
    expect(readControl(doc).results).toBeNull()
  })

  it('rewrites results only while the round is revealed', () => {
    const doc = withRoster()
    const round = openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    expect(writeResults(doc, { roundId: round.id, totals: { a: 1 } })).toBe(false)
    revealRound(doc, { roundId: round.id, totals: { a: 1 } })
    expect(writeResults(doc, { roundId: round.id, totals: { a: 2 } })).toBe(true)
    expect(readControl(doc).results?.totals).toEqual({ a: 2 })
  })
})

describe('setRoundCounts and refreshEligible', () => {
  it('write the counts only when they change', () => {
    const doc = withRoster()
    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    expect(countUpdates(doc, () => setRoundCounts(doc, { voters: 0 })).updates).toBe(0)
    expect(countUpdates(doc, () => setRoundCounts(doc, { voters: 1 })).updates).toBe(1)
    putRosterEntry(doc, 'p-c', person('participant'))
    expect(refreshEligible(doc)).toBe(true)
    expect(readControl(doc).round).toMatchObject({ voters: 1, eligible: 3 })
    expect(refreshEligible(doc)).toBe(false)
  })

  it('send a few bytes to everyone when a dot changes the count, not the whole round', () => {
    const doc = withRoster()
    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    const sizes: number[] = []
    const onUpdate = (update: Uint8Array) => sizes.push(update.byteLength)
    doc.on('update', onUpdate)
    setRoundCounts(doc, { voters: 1 })
    doc.off('update', onUpdate)
    expect(sizes).toHaveLength(1)
    expect(sizes[0]).toBeLessThan(80)
  })

  it('belong to their round: a new round starts from its own counts', () => {
    const doc = withRoster()
    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    setRoundCounts(doc, { voters: 2 })
    expect(readControl(doc).round).toMatchObject({ voters: 2, eligible: 2 })
    openRound(doc, DEFAULT_VOTE_SETTINGS, 2)
    expect(readControl(doc).round).toMatchObject({ number: 2, voters: 0, eligible: 2 })
  })
})
