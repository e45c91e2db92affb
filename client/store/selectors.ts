import type { Phase } from '../../shared/schema'
import type { Ballot } from '../../shared/voting'
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
