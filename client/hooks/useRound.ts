import type { RoundState } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** The current vote round (counts only), or null before the first one. */
export function useRound(): RoundState | null {
  return useLoupeStore((s) => s.control.round)
}
