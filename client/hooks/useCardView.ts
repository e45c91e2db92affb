import { useRef } from 'react'
import { roundTakingDots, useCardScoped, type LoupeState, type Person } from '../store'

const NOBODY: readonly Person[] = []

/** What one card shows, read in one subscription: a full board has 500 cards, each told of every change but
 * another card's. */
export interface CardView {
  /** False once someone deleted the card (its component is about to go). */
  present: boolean
  example: boolean
  themeId: string
  /**
   * The card's text where the page writes it itself: read-only, or in the name of its vote buttons. Empty while
   * only its text field shows it, which its binding fills: someone else's keystroke then re-renders nothing.
   */
  text: string
  /** The facilitator hid it (participants do not see it; it takes no dot). */
  hidden: boolean
  /** The other people typing in it right now. */
  editors: readonly Person[]
  /** Its text field is asked to take the focus (just added, or moved by keyboard). */
  focusWanted: boolean
  /** Which build of the document the text field binds to (it rebinds when the document is rebuilt). */
  docVersion: number
}

/** The card's view in `s`: `before` itself while nothing in it changed (a new object only when one did). */
function viewOf(s: LoupeState, id: string, editable: boolean, before: CardView | null): CardView {
  const card = s.cardsById.get(id)
  const present = card !== undefined
  const example = card?.example ?? false
  const themeId = card?.place.themeId ?? ''
  const showsText = present && (!editable || roundTakingDots(s, { kind: 'card', id, themeId }) !== null)
  const text = showsText ? card.text : ''
  const hidden = s.control.hiddenCards.includes(id)
  const editors = s.editorsByCard[id] ?? NOBODY
  const focusWanted = s.focusId === id
  const docVersion = s.docVersion
  if (
    before !== null &&
    before.present === present &&
    before.example === example &&
    before.themeId === themeId &&
    before.text === text &&
    before.hidden === hidden &&
    before.editors === editors &&
    before.focusWanted === focusWanted &&
    before.docVersion === docVersion
  )
    return before
  return { present, example, themeId, text, hidden, editors, focusWanted, docVersion }
}

/**
 * One card's view; the component re-renders only when something it shows changes. The previous view is kept and
 * compared field by field (zustand's `useShallow` lists each object's entries: several times slower, and this runs
 * 500 times per change on a full board).
 */
export function useCardView(id: string, editable: boolean): CardView {
  const last = useRef<CardView | null>(null)
  return useCardScoped(id, (s) => (last.current = viewOf(s, id, editable, last.current)))
}
