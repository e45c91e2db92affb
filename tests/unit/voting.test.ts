import { describe, expect, it } from 'vitest'
import {
  applyVote,
  DEFAULT_VOTE_SETTINGS,
  dotsLeft,
  isVotable,
  parseVoteSettings,
  rank,
  tally,
  type Ballot,
  type VoteItem,
  type VoteSettings,
} from '../../shared/voting'

const perspective = (id: string, themeId = 't1'): VoteItem => ({ kind: 'perspective', id, themeId })
const card = (id: string, themeId = 't1'): VoteItem => ({ kind: 'card', id, themeId })

function castAll(settings: VoteSettings, items: VoteItem[]): { ballot: Ballot; refusals: string[] } {
  let ballot: Ballot = {}
  const refusals: string[] = []
  for (const item of items) {
    const result = applyVote(ballot, settings, 'open', item, 1)
    if (result.ok) ballot = result.ballot
    else refusals.push(result.reason)
  }
  return { ballot, refusals }
}

describe('parseVoteSettings', () => {
  it('fills defaults: 3 dots, 1 per item, perspectives, whole workshop, anonymous', () => {
    expect(parseVoteSettings({})).toEqual(DEFAULT_VOTE_SETTINGS)
  })

  it('accepts a budget from 1 to 20 and a per-item limit up to the budget', () => {
    expect(parseVoteSettings({ budget: 20, maxPerItem: 20 })?.budget).toBe(20)
    expect(parseVoteSettings({ budget: 0 })).toBeNull()
    expect(parseVoteSettings({ budget: 21 })).toBeNull()
    expect(parseVoteSettings({ budget: 2.5 })).toBeNull()
    expect(parseVoteSettings({ budget: 3, maxPerItem: 4 })).toBeNull()
    expect(parseVoteSettings({ maxPerItem: 0 })).toBeNull()
  })

  it('checks targets, scope and anonymity', () => {
    expect(parseVoteSettings({ targets: 'both' })?.targets).toBe('both')
    expect(parseVoteSettings({ targets: 'everything' })).toBeNull()
    expect(parseVoteSettings({ scope: { kind: 'theme', themeId: 't2' } })?.scope).toEqual({
      kind: 'theme',
      themeId: 't2',
    })
    expect(parseVoteSettings({ scope: { kind: 'theme' } })).toBeNull()
    expect(parseVoteSettings({ anonymous: 'no' })).toBeNull()
    expect(parseVoteSettings(null)).toBeNull()
    expect(parseVoteSettings('3')).toBeNull()
  })
})

describe('applyVote', () => {
  it('places dots up to the budget and refuses the next one', () => {
    const { ballot, refusals } = castAll(DEFAULT_VOTE_SETTINGS, [
      perspective('a'),
      perspective('b'),
      perspective('c'),
      perspective('d'),
    ])
    expect(ballot).toEqual({ a: 1, b: 1, c: 1 })
    expect(refusals).toEqual(['budget'])
    expect(dotsLeft(ballot, DEFAULT_VOTE_SETTINGS)).toBe(0)
  })

  it('enforces the per-item limit', () => {
    const settings = { ...DEFAULT_VOTE_SETTINGS, budget: 5, maxPerItem: 2 }
    const { ballot, refusals } = castAll(settings, [perspective('a'), perspective('a'), perspective('a')])
    expect(ballot).toEqual({ a: 2 })
    expect(refusals).toEqual(['per_item'])
  })

  it('withdraws a dot and refuses to withdraw what is not there', () => {
    const placed = applyVote({}, DEFAULT_VOTE_SETTINGS, 'open', perspective('a'), 1)
    expect(placed.ok).toBe(true)
    if (!placed.ok) return
    const withdrawn = applyVote(placed.ballot, DEFAULT_VOTE_SETTINGS, 'open', perspective('a'), -1)
    expect(withdrawn).toEqual({ ok: true, ballot: {} })
    expect(applyVote({}, DEFAULT_VOTE_SETTINGS, 'open', perspective('a'), -1)).toEqual({
      ok: false,
      reason: 'nothing_to_remove',
    })
  })

  it('refuses any change while the round is closed or revealed', () => {
    for (const status of ['closed', 'revealed'] as const) {
      expect(applyVote({}, DEFAULT_VOTE_SETTINGS, status, perspective('a'), 1)).toEqual({
        ok: false,
        reason: 'round_not_open',
      })
      expect(applyVote({ a: 1 }, DEFAULT_VOTE_SETTINGS, status, perspective('a'), -1)).toEqual({
        ok: false,
        reason: 'round_not_open',
      })
    }
  })

  it('refuses items outside the targets or the scope', () => {
    expect(applyVote({}, DEFAULT_VOTE_SETTINGS, 'open', card('c1'), 1)).toEqual({
      ok: false,
      reason: 'not_votable',
    })
    const themeOnly: VoteSettings = {
      ...DEFAULT_VOTE_SETTINGS,
      targets: 'both',
      scope: { kind: 'theme', themeId: 't1' },
    }
    expect(isVotable(card('c1', 't1'), themeOnly)).toBe(true)
    expect(isVotable(perspective('p', 't2'), themeOnly)).toBe(false)
    expect(isVotable(card('c1'), { ...DEFAULT_VOTE_SETTINGS, targets: 'cards' })).toBe(true)
    expect(isVotable(perspective('p'), { ...DEFAULT_VOTE_SETTINGS, targets: 'cards' })).toBe(false)
  })
})

describe('tally and rank', () => {
  it('sums ballots per item', () => {
    const totals = tally([{ a: 1, b: 2 }, { a: 1 }, {}])
    expect(Object.fromEntries(totals)).toEqual({ a: 2, b: 2 })
  })

  it('ranks by votes with ties sharing a rank (competition ranking)', () => {
    const totals = new Map([
      ['a', 2],
      ['b', 5],
      ['c', 2],
      ['d', 0],
    ])
    expect(rank(['a', 'b', 'c', 'd', 'e'], totals)).toEqual([
      { itemId: 'b', votes: 5, rank: 1, tied: false },
      { itemId: 'a', votes: 2, rank: 2, tied: true },
      { itemId: 'c', votes: 2, rank: 2, tied: true },
      { itemId: 'd', votes: 0, rank: 4, tied: true },
      { itemId: 'e', votes: 0, rank: 4, tied: true },
    ])
  })

  it('ranks an empty list', () => {
    expect(rank([], new Map())).toEqual([])
  })
})
