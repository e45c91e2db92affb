import type { RoundResults, RoundState } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** The current round and its results once the facilitator revealed them; null before. */
export function useRevealedResults(): { round: RoundState; results: RoundResults } | null {
  const round = useLoupeStore((s) => s.control.round)
  const results = useLoupeStore((s) => s.control.results)
  if (!round || round.status !== 'revealed' || !results || results.roundId !== round.id) return null
  return { round, results }
}
