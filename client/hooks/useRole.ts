import type { Role } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** This screen's role in the open workshop ('projector' until a session is open: nothing to change then). */
export function useRole(): Role {
  return useLoupeStore((s) => s.session?.role ?? 'projector')
}
