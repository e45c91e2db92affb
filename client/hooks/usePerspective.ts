import type { PerspectiveRecord } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** One perspective's record. */
export function usePerspective(id: string): PerspectiveRecord | undefined {
  return useLoupeStore((s) => s.perspectivesById[id])
}
