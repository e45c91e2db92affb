import { useRef } from 'react'
import type { CardRecord } from '../../shared/schema'
import { useCardScoped, type Person } from '../store'

const NOBODY: readonly Person[] = []

/** What one card shows, read in one subscription: a full board has 500 cards, each told of every change but
 * another card's. */
export interface CardView {
  card: CardRecord | undefined
  /** The facilitator hid it (participants do not see it; it takes no dot). */
  hidden: boolean
  /** The other people typing in it right now. */
  editors: readonly Person[]
  /** Its text field is asked to take the focus (just added, or moved by keyboard). */
  focusWanted: boolean
  /** Which build of the document the text field binds to (it rebinds when the document is rebuilt). */
  docVersion: number
}

/**
 * One card's view; the component re-renders only when something of this card changes. The previous view is kept
 * and compared field by field (zustand's `useShallow` lists each object's entries: several times slower, and this
 * runs 500 times per change on a full board).
 */
export function useCardView(id: string): CardView {
  const last = useRef<CardView | null>(null)
  return useCardScoped(id, (s) => {
    const card = s.cardsById.get(id)
    const hidden = s.control.hiddenCards.includes(id)
    const editors = s.editorsByCard[id] ?? NOBODY
    const focusWanted = s.focusId === id
    const docVersion = s.docVersion
    const before = last.current
    if (
      before !== null &&
      before.card === card &&
      before.hidden === hidden &&
      before.editors === editors &&
      before.focusWanted === focusWanted &&
      before.docVersion === docVersion
    )
      return before
    return (last.current = { card, hidden, editors, focusWanted, docVersion })
  })
}
