import { useLoupeStore } from '../store'

/** Whether the facilitator hid this card (participants do not see it; it takes no dot). */
export function useCardHidden(cardId: string): boolean {
  return useLoupeStore((s) => s.control.hiddenCards.includes(cardId))
}
