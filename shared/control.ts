import type { PastRound, RoundResults, RoundState } from './schema'
import { parseVoteSettings, type RoundStatus } from './voting'

/**
 * Validating readers for the parts of the `control` root that are more than a scalar. The server writes them, but
 * a reader never trusts a shape: anything off reads as absent.
 */

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0
const ROUND_STATUSES: ReadonlySet<unknown> = new Set<RoundStatus>(['open', 'closed', 'revealed'])

/** A list of ids, dropping anything that is not one. */
export function parseIdList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isId) : []
}

/** item id -> dots, dropping entries that are not counts; null when it is not a map at all. */
export function parseTotals(value: unknown): Record<string, number> | null {
  if (!isObject(value)) return null
  const totals: Record<string, number> = {}
  for (const [itemId, dots] of Object.entries(value)) if (isCount(dots)) totals[itemId] = dots
  return totals
}

export function parseRound(value: unknown): RoundState | null {
  if (!isObject(value)) return null
  const settings = parseVoteSettings(value.settings)
  const { id, number, status, voters, eligible } = value
  if (!settings || !isId(id) || !isCount(number) || !ROUND_STATUSES.has(status)) return null
  if (!isCount(voters) || !isCount(eligible)) return null
  return { id, number, status: status as RoundStatus, settings, voters, eligible }
}

/**
 * The round with its participation counts, which live under a key of their own (`roundCounts`): a first dot placed
 * or a last one withdrawn then rewrites a few bytes for everyone, not the whole round. Counts of another round
 * are ignored.
 */
export function withRoundCounts(round: RoundState | null, counts: unknown): RoundState | null {
  if (!round || !isObject(counts) || counts.roundId !== round.id) return round
  const { voters, eligible } = counts
  return isCount(voters) && isCount(eligible) ? { ...round, voters, eligible } : round
}

export function parseResults(value: unknown): RoundResults | null {
  if (!isObject(value) || !isId(value.roundId)) return null
  const totals = parseTotals(value.totals)
  if (!totals) return null
  if (!isObject(value.voters)) return { roundId: value.roundId, totals }
  const voters: Record<string, string[]> = {}
  for (const [itemId, ids] of Object.entries(value.voters)) voters[itemId] = parseIdList(ids)
  return { roundId: value.roundId, totals, voters }
}

function parsePastRound(value: unknown): PastRound | null {
  if (!isObject(value)) return null
  const settings = parseVoteSettings(value.settings)
  const { id, number, closedAt } = value
  if (!settings || !isId(id) || !isCount(number) || typeof closedAt !== 'number') return null
  return { id, number, settings, totals: parseTotals(value.totals), closedAt }
}

export function parsePastRounds(value: unknown): PastRound[] {
  if (!Array.isArray(value)) return []
  return value.map(parsePastRound).filter((round): round is PastRound => round !== null)
}
