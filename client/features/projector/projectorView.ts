import { useShallow } from 'zustand/react/shallow'
import { isVotingStep, useLoupeStore, type LoupeState } from '../../store'

export type ProjectorView =
  | { kind: 'join' }
  | { kind: 'vote' }
  | { kind: 'results' }
  | { kind: 'theme'; themeId: string }
  | { kind: 'perspective'; perspectiveId: string }
  | { kind: 'card'; cardId: string }

/**
 * What the projector shows: what the facilitator asked it to follow if that still exists, else what fits the
 * moment (how to join, the vote's progress, then its results once revealed).
 */
export function projectorView(s: LoupeState): ProjectorView {
  const { follow, round, results, phase, hiddenCards } = s.control
  const revealed = round?.status === 'revealed' && results?.roundId === round.id
  switch (follow.kind) {
    case 'theme':
      if (s.themesById[follow.themeId]) return follow
      break
    case 'perspective':
      if (s.perspectivesById[follow.perspectiveId]) return follow
      break
    case 'card':
      if (s.cardsById.get(follow.cardId) && !hiddenCards.includes(follow.cardId)) return follow
      break
    case 'results':
      if (revealed) return { kind: 'results' }
      if (round) return { kind: 'vote' }
      break
    case 'overview':
      break
  }
  if (revealed) return { kind: 'results' }
  // From the vote on, a round not (or no longer) revealed shows its progress: reopened after the results too.
  if (round && isVotingStep(phase)) return { kind: 'vote' }
  return { kind: 'join' }
}

/** The projector's current view; re-renders only when it changes. */
export function useProjectorView(): ProjectorView {
  return useLoupeStore(useShallow(projectorView))
}
