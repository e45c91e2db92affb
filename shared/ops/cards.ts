import * as Y from 'yjs'
import { isCardPlace, roots } from '../doc'
import { newId } from '../ids'
import { keyAt } from '../ordering'
import { LIMITS } from '../schema'
import { cardsOf, countCards } from './siblings'
import { clipText } from './text'

export interface NewCard {
  themeId: string
  perspectiveId: string | null
  text: string
  author: string
  example?: boolean
  index?: number
}

/** A card may go to its theme's ideas to sort or to one of that theme's own perspectives, never another board's. */
function isPerspectiveOf(doc: Y.Doc, perspectiveId: string | null, themeId: string): boolean {
  return perspectiveId === null || roots(doc).perspectives.get(perspectiveId)?.get('themeId') === themeId
}

/**
 * Adds a card to a perspective (or to the theme's ideas to sort); returns its id, or null when the theme is gone
 * or the board is full.
 * @example addCard(doc, { themeId, perspectiveId, text: 'Ouvrir un café des parents', author: me })
 */
export function addCard(doc: Y.Doc, input: NewCard): string | null {
  const r = roots(doc)
  if (!r.themes.has(input.themeId)) return null
  if (!isPerspectiveOf(doc, input.perspectiveId, input.themeId)) return null
  if (countCards(doc, input.themeId) >= LIMITS.cardsPerBoard) return null
  const id = newId()
  doc.transact(() => {
    const siblings = cardsOf(doc, input.themeId, input.perspectiveId)
    const map = new Y.Map<unknown>()
    map.set('text', new Y.Text(clipText(input.text, LIMITS.cardTextLength)))
    map.set('place', {
      themeId: input.themeId,
      perspectiveId: input.perspectiveId,
      key: keyAt(siblings, input.index ?? siblings.length),
    })
    map.set('example', input.example === true)
    map.set('author', input.author)
    map.set('createdAt', Date.now())
    r.cards.set(id, map)
  })
  return id
}

/**
 * Moves a card to `index` in a perspective (or the ideas to sort), possibly in another theme. The placement is
 * one value, so two people moving the same card at once leave it in exactly one place.
 */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  to: { themeId: string; perspectiveId: string | null; index: number },
): boolean {
  const r = roots(doc)
  const card = r.cards.get(cardId)
  if (!card || !isCardPlace(card.get('place')) || !r.themes.has(to.themeId)) return false
  if (!isPerspectiveOf(doc, to.perspectiveId, to.themeId)) return false
  doc.transact(() => {
    const key = keyAt(cardsOf(doc, to.themeId, to.perspectiveId, cardId), to.index)
    card.set('place', { themeId: to.themeId, perspectiveId: to.perspectiveId, key })
  })
  return true
}

/** Deletes a card. */
export function deleteCard(doc: Y.Doc, cardId: string): boolean {
  const cards = roots(doc).cards
  if (!cards.has(cardId)) return false
  doc.transact(() => cards.delete(cardId))
  return true
}

/** Marks a card as an example (a concrete case quoted under a perspective) or as an action line. */
export function setCardExample(doc: Y.Doc, cardId: string, example: boolean): boolean {
  const card = roots(doc).cards.get(cardId)
  if (!card) return false
  doc.transact(() => card.set('example', example))
  return true
}
