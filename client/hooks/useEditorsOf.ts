import { useShallow } from 'zustand/react/shallow'
import type { Person } from '../store'
import { useLoupeStore } from '../store'

/** The other people typing in this card right now. */
export function useEditorsOf(cardId: string): Person[] {
  return useLoupeStore(useShallow((s) => s.people.filter((p) => p.editing === cardId && p.online && !p.self)))
}
