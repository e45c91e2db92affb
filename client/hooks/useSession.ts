import type { Session } from '../store'
import { useLoupeStore } from '../store'

/** Who we are in the open workshop, or null before it is open. */
export function useSession(): Session | null {
  return useLoupeStore((s) => s.session)
}
