import { useLoupeStore } from '../store'

/** Whether this card's tools are open on this screen. */
export function useCardMenuOpen(cardId: string): boolean {
  return useLoupeStore((s) => s.openCardMenuId === cardId)
}
