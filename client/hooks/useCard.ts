import type { CardRecord } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** One card's record; the component re-renders only when this card changes. */
export function useCard(id: string): CardRecord | undefined {
  return useLoupeStore((s) => s.cardsById.get(id))
}
