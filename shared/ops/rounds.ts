import type * as Y from 'yjs'
import { readControl, readRound, roots } from '../doc'
import { newId } from '../ids'
import type { PastRound, RoundResults, RoundState } from '../schema'
import type { VoteSettings } from '../voting'

/**
 * Server-side operations on the vote rounds in `control`. The document only ever holds counts and, once a round is
 * revealed, its totals: the ballots themselves stay on the server.
 */

/** Roster participants who may vote: everyone who joined as a participant and was not removed. */
export function countEligible(doc: Y.Doc): number {
  let eligible = 0
  for (const entry of roots(doc).roster.values())
    if (entry.role === 'participant' && entry.removed !== true) eligible++
  return eligible
}

/**
 * Starts a new open round with these settings; the current round, if any, joins the past rounds (with its totals
 * if it was revealed). Returns the new round.
 */
export function openRound(doc: Y.Doc, settings: VoteSettings, now: number): RoundState {
  return doc.transact(() => {
    const control = readControl(doc)
    const past = control.round
      ? [...control.rounds, pastRound(control.round, control.results, now)]
      : control.rounds
    const number = Math.max(0, ...past.map((round) => round.number)) + 1
    const opened: RoundState = {
      id: newId(),
      number,
      status: 'open',
      settings,
      voters: 0,
      eligible: countEligible(doc),
    }
    const c = roots(doc).control
    c.set('rounds', past)
    c.set('round', opened)
    c.set('results', null)
    return opened
  })
}

function pastRound(round: RoundState, results: RoundResults | null, closedAt: number): PastRound {
  const totals = round.status === 'revealed' && results?.roundId === round.id ? results.totals : null
  return { id: round.id, number: round.number, settings: round.settings, totals, closedAt }
}

/** Closes the current round, or opens it again (its results, if revealed, are hidden again until the next reveal). */
export function setRoundOpen(doc: Y.Doc, open: boolean): boolean {
  return updateRound(
    doc,
    (round) => ({ ...round, status: open ? 'open' : 'closed' }),
    open ? null : undefined,
  )
}

/** Reveals the current round with its results (totals, and who voted for what in a named round). */
export function revealRound(doc: Y.Doc, results: RoundResults): boolean {
  return updateRound(
    doc,
    (round) => (round.id === results.roundId ? { ...round, status: 'revealed' } : null),
    results,
  )
}

/** Rewrites a revealed round's results after its ballots changed (a merge, a removed participant). */
export function writeResults(doc: Y.Doc, results: RoundResults): boolean {
  return updateRound(
    doc,
    (round) => (round.id === results.roundId && round.status === 'revealed' ? round : null),
    results,
  )
}

/** The current round's participation counts, written only when they changed. */
export function setRoundCounts(doc: Y.Doc, counts: { voters?: number; eligible?: number }): boolean {
  const round = readRound(doc)
  if (!round) return false
  const voters = counts.voters ?? round.voters
  const eligible = counts.eligible ?? round.eligible
  if (voters === round.voters && eligible === round.eligible) return false
  roots(doc).control.set('roundCounts', { roundId: round.id, voters, eligible })
  return true
}

/** Recounts eligible participants after the roster changed. */
export function refreshEligible(doc: Y.Doc): boolean {
  return setRoundCounts(doc, { eligible: countEligible(doc) })
}

/**
 * Replaces the current round by `change(round)` (nothing when it returns null) and, unless `results` is undefined,
 * the results too, in one transaction.
 */
function updateRound(
  doc: Y.Doc,
  change: (round: RoundState) => RoundState | null,
  results?: RoundResults | null,
): boolean {
  const round = readRound(doc)
  const next = round ? change(round) : null
  if (!next) return false
  doc.transact(() => {
    const c = roots(doc).control
    if (next !== round) c.set('round', next)
    if (results !== undefined) c.set('results', results)
  })
  return true
}
