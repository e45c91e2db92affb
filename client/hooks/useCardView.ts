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

function readView(s: LoupeState, id: string, editable: boolean): CardView {
  const card = s.cardsById.get(id)
  const themeId = card?.place.themeId ?? ''
  const showsText =
    card !== undefined && (!editable || roundTakingDots(s, { kind: 'card', id, themeId }) !== null)
  return {
    present: card !== undefined,
    example: card?.example ?? false,
    themeId,
    text: showsText ? card.text : '',
    hidden: s.control.hiddenCards.includes(id),
    editors: s.editorsByCard[id] ?? NOBODY,
    focusWanted: s.focusId === id,
    docVersion: s.docVersion,
  }
}

function sameView(a: CardView, b: CardView): boolean {
  return (
    a.present === b.present &&
    a.example === b.example &&
    a.themeId === b.themeId &&
    a.text === b.text &&
    a.hidden === b.hidden &&
    a.editors === b.editors &&
    a.focusWanted === b.focusWanted &&
    a.docVersion === b.docVersion
  )
}

/**
 * One card's view; the component re-renders only when something it shows changes. The previous view is kept and
 * compared field by field (zustand's `useShallow` lists each object's entries: several times slower, and this runs
 * 500 times per change on a full board).
 */
export function useCardView(id: string, editable: boolean): CardView {
  const last = useRef<CardView | null>(null)
  return useCardScoped(id, (s) => {
    const view = readView(s, id, editable)
    const before = last.current
    if (before !== null && sameView(before, view)) return before
    return (last.current = view)
  })
}
