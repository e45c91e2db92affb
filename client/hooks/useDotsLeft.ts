import { dotsLeft } from '../../shared/voting'
import { myBallot, useLoupeStore } from '../store'

/** This person's dots left in the current round, out of the round's budget (0 of 0 without a round). */
export function useDotsLeft(): { left: number; budget: number } {
  const budget = useLoupeStore((s) => s.control.round?.settings.budget ?? 0)
  const left = useLoupeStore((s) => (s.control.round ? dotsLeft(myBallot(s), s.control.round.settings) : 0))
  return { left, budget }
}
