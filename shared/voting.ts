/** Dot voting: settings, the checks a vote must pass, tallies and rankings. Pure: the server is the referee. */

export type VoteTargets = 'perspectives' | 'cards' | 'both'
export type VoteScope = { kind: 'workshop' } | { kind: 'theme'; themeId: string }

export interface VoteSettings {
  /** Dots each participant may place in the round. */
  budget: number
  /** Most dots one participant may place on one item. */
  maxPerItem: number
  targets: VoteTargets
  scope: VoteScope
  /** Named rounds reveal who voted for what; anonymous rounds only the counts. */
  anonymous: boolean
}

export const DEFAULT_VOTE_SETTINGS: VoteSettings = {
  budget: 3,
  maxPerItem: 1,
  targets: 'perspectives',
  scope: { kind: 'workshop' },
  anonymous: true,
}

export const BUDGET_RANGE = { min: 1, max: 20 } as const

/** Something a dot can be placed on. */
export interface VoteItem {
  kind: 'perspective' | 'card'
  id: string
  themeId: string
}

/** One participant's dots in one round: item id -> dots. */
export type Ballot = Readonly<Record<string, number>>

export type RoundStatus = 'open' | 'closed' | 'revealed'

/** Accepts settings from a client, clamping nothing silently: returns null when anything is off. */
export function parseVoteSettings(input: unknown): VoteSettings | null {
  if (typeof input !== 'object' || input === null) return null
  const raw = { ...DEFAULT_VOTE_SETTINGS, ...(input as Partial<VoteSettings>) }
  const { budget, maxPerItem, targets, scope, anonymous } = raw
  if (!Number.isInteger(budget) || budget < BUDGET_RANGE.min || budget > BUDGET_RANGE.max) return null
  if (!Number.isInteger(maxPerItem) || maxPerItem < 1 || maxPerItem > budget) return null
  if (targets !== 'perspectives' && targets !== 'cards' && targets !== 'both') return null
  if (typeof anonymous !== 'boolean') return null
  if (typeof scope !== 'object' || scope === null) return null
  if (scope.kind === 'workshop')
    return { budget, maxPerItem, targets, scope: { kind: 'workshop' }, anonymous }
  if (
    scope.kind === 'theme' &&
    typeof scope.themeId === 'string' &&
    scope.themeId.length > 0 &&
    scope.themeId.length <= 64
  ) {
    return { budget, maxPerItem, targets, scope: { kind: 'theme', themeId: scope.themeId }, anonymous }
  }
  return null
}

export function dotsUsed(ballot: Ballot): number {
  let used = 0
  for (const dots of Object.values(ballot)) used += dots
  return used
}

export function dotsLeft(ballot: Ballot, settings: VoteSettings): number {
  return Math.max(0, settings.budget - dotsUsed(ballot))
}

/** May this item receive dots under these settings? */
export function isVotable(item: VoteItem, settings: VoteSettings): boolean {
  if (settings.targets === 'perspectives' && item.kind !== 'perspective') return false
  if (settings.targets === 'cards' && item.kind !== 'card') return false
  return settings.scope.kind === 'workshop' || settings.scope.themeId === item.themeId
}

export type VoteRefusal = 'round_not_open' | 'not_votable' | 'budget' | 'per_item' | 'nothing_to_remove'
export type VoteCheck = { ok: true; ballot: Ballot } | { ok: false; reason: VoteRefusal }

/**
 * Places (+1) or withdraws (-1) one dot, returning the new ballot or why not.
 * @example applyVote({}, settings, 'open', item, +1) // { ok: true, ballot: { [item.id]: 1 } }
 */
export function applyVote(
  ballot: Ballot,
  settings: VoteSettings,
  status: RoundStatus,
  item: VoteItem,
  delta: 1 | -1,
): VoteCheck {
  if (status !== 'open') return { ok: false, reason: 'round_not_open' }
  const current = ballot[item.id] ?? 0
  if (delta === -1) {
    if (current === 0) return { ok: false, reason: 'nothing_to_remove' }
    const next = { ...ballot }
    if (current === 1) delete next[item.id]
    else next[item.id] = current - 1
    return { ok: true, ballot: next }
  }
  if (!isVotable(item, settings)) return { ok: false, reason: 'not_votable' }
  if (dotsUsed(ballot) >= settings.budget) return { ok: false, reason: 'budget' }
  if (current >= settings.maxPerItem) return { ok: false, reason: 'per_item' }
  return { ok: true, ballot: { ...ballot, [item.id]: current + 1 } }
}

/** Sums every participant's dots per item. */
export function tally(ballots: Iterable<Ballot>): Map<string, number> {
  const totals = new Map<string, number>()
  for (const ballot of ballots) {
    for (const [itemId, dots] of Object.entries(ballot)) totals.set(itemId, (totals.get(itemId) ?? 0) + dots)
  }
  return totals
}

export interface RankedItem {
  itemId: string
  votes: number
  /** Competition ranking: two items tied first are both 1, the next is 3. */
  rank: number
  tied: boolean
}

/** Ranks items by votes, most first; ties share a rank and are flagged; equal items keep the given order. */
export function rank(itemIds: readonly string[], totals: ReadonlyMap<string, number>): RankedItem[] {
  const sorted = itemIds
    .map((itemId, order) => ({ itemId, votes: totals.get(itemId) ?? 0, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
  const counts = new Map<number, number>()
  for (const entry of sorted) counts.set(entry.votes, (counts.get(entry.votes) ?? 0) + 1)
  let previousVotes = Number.NaN
  let previousRank = 0
  return sorted.map((entry, index) => {
    const position = entry.votes === previousVotes ? previousRank : index + 1
    previousVotes = entry.votes
    previousRank = position
    return {
      itemId: entry.itemId,
      votes: entry.votes,
      rank: position,
      tied: (counts.get(entry.votes) ?? 0) > 1,
    }
  })
}
