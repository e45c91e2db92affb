import type { Phase } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** The workshop's current phase. */
export function usePhase(): Phase {
  return useLoupeStore((s) => s.control.phase)
}
