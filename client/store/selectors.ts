import type { Phase, RoundState } from '../../shared/schema'
import { isVotable, type Ballot, type VoteItem } from '../../shared/voting'
import type { LoupeState } from './store'

const EMPTY: Ballot = Object.freeze({})

/** This person's ballot in the current round: the last one the server sent, if it belongs to this round. */
export function myBallot(s: LoupeState): Ballot {
  return s.vote.roundId !== null && s.vote.roundId === s.control.round?.id ? s.vote.ballot : EMPTY
}

/**
 * Steps in which a round is shown and its dots offered: the vote, and the results (a round reopened there takes
 * dots again). During the collecte a round the facilitator opened early waits for the vote step.
 */
export function isVotingStep(phase: Phase): boolean {
  return phase === 'vote' || phase === 'resultats'
}

/**
 * The open round in which this screen may put dots on `item`, or null when the item takes none now (no open vote,
 * out of the round's scope, hidden, or a projector).
 */
export function roundTakingDots(s: LoupeState, item: VoteItem): RoundState | null {
  const round = s.control.round
  if (!isVotingStep(s.control.phase) || round?.status !== 'open' || s.session?.role === 'projector')
    return null
  if (!isVotable(item, round.settings)) return null
  if (item.kind === 'card' && s.control.hiddenCards.includes(item.id)) return null
  return round
}
