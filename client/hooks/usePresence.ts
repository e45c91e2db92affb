import type { Person } from '../store'
import { useLoupeStore } from '../store'

/** Everyone in the workshop: online first, then idle, then absent members of the roster. */
export function usePresence(): Person[] {
  return useLoupeStore((s) => s.people)
}
