import type * as Y from 'yjs'
import { parseIdList } from '../control'
import { roots, textField } from '../doc'
import { LIMITS } from '../schema'
import { clipText } from './text'

/** Server-side moderation by the facilitator: hiding and merging cards, removing a participant. */

function hiddenCards(doc: Y.Doc): string[] {
  return parseIdList(roots(doc).control.get('hiddenCards'))
}

/** Hides a card from the boards (and from votes), or shows it again; false when hiding a card that does not exist. */
export function setCardHidden(doc: Y.Doc, cardId: string, hidden: boolean): boolean {
  if (hidden && !roots(doc).cards.has(cardId)) return false
  doc.transact(() => {
    const others = hiddenCards(doc).filter((id) => id !== cardId)
    roots(doc).control.set('hiddenCards', hidden ? [...others, cardId] : others)
  })
  return true
}

/**
 * Merges one card into another: the target keeps its place and gets the source's text on a new line (as much as
 * the card's limit allows), then the source is deleted. Moving the source's votes is the server's part.
 */
export function mergeCards(doc: Y.Doc, sourceId: string, targetId: string): boolean {
  const cards = roots(doc).cards
  const source = cards.get(sourceId)
  const target = cards.get(targetId)
  const targetText = target ? textField(target, 'text') : null
  if (!source || !targetText || sourceId === targetId) return false
  const addition = textField(source, 'text')?.toString() ?? ''
  doc.transact(() => {
    const room = LIMITS.cardTextLength - targetText.length
    const appended = targetText.length > 0 && addition.length > 0 ? `\n${addition}` : addition
    if (room > 0 && appended) targetText.insert(targetText.length, clipText(appended, room))
    cards.delete(sourceId)
    if (hiddenCards(doc).includes(sourceId)) setCardHidden(doc, sourceId, false)
  })
  return true
}

/** Marks someone as removed in the roster: their entry (and their cards) stay, their credential stops working. */
export function markParticipantRemoved(doc: Y.Doc, participantId: string): boolean {
  const roster = roots(doc).roster
  const entry = roster.get(participantId)
  if (!entry) return false
  doc.transact(() => roster.set(participantId, { ...entry, removed: true }))
  return true
}

/** Whether a card is hidden right now. */
export function isCardHidden(doc: Y.Doc, cardId: string): boolean {
  return hiddenCards(doc).includes(cardId)
}
