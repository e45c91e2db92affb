import { addCard, deleteCard, moveCard, setCardExample } from '../../../shared/ops/cards'
import { listKey } from '../slices/board'
import { useLoupeStore } from '../store'
import { docForTheme } from './guard'

const EMPTY: readonly string[] = []

function placeOf(cardId: string) {
  const { cardsById, perspectivesById } = useLoupeStore.getState()
  const card = cardsById.get(cardId)
  if (!card) return null
  // The list the card shows in: its perspective may have been deleted meanwhile.
  const pid = card.place.perspectiveId
  const perspectiveId = pid !== null && perspectivesById[pid]?.themeId === card.place.themeId ? pid : null
  const ids = useLoupeStore.getState().cardIdsByList[listKey(card.place.themeId, perspectiveId)] ?? EMPTY
  return { card, themeId: card.place.themeId, perspectiveId, index: ids.indexOf(cardId), count: ids.length }
}

/** Adds an empty card at the end of a list and asks for it to be focused; returns its id, or null if not allowed. */
export function addCardTo(
  themeId: string,
  perspectiveId: string | null,
  options: { example?: boolean } = {},
): string | null {
  const doc = docForTheme(themeId)
  const author = useLoupeStore.getState().session?.participantId ?? ''
  if (!doc) return null
  const id = addCard(doc, { themeId, perspectiveId, text: '', author, example: options.example === true })
  if (id) useLoupeStore.setState((s) => ({ focusId: id, draftCardIds: [...s.draftCardIds, id] }))
  // The theme exists and the person may write: the only reason left is a full board.
  else useLoupeStore.setState({ notice: 'board.full' })
  return id
}

/** Moves a card one step up (-1) or down (+1) in its list. */
export function moveCardBy(cardId: string, step: -1 | 1): boolean {
  const place = placeOf(cardId)
  if (!place || place.index < 0) return false
  const index = place.index + step
  if (index < 0 || index >= place.count) return false
  const doc = docForTheme(place.themeId)
  if (!doc) return false
  return moveCard(doc, cardId, { themeId: place.themeId, perspectiveId: place.perspectiveId, index })
}

/** Moves a card to the end of another list of its theme (a perspective, or the ideas to sort with null). */
export function moveCardToList(cardId: string, perspectiveId: string | null): boolean {
  const place = placeOf(cardId)
  if (!place || place.perspectiveId === perspectiveId) return false
  const doc = docForTheme(place.themeId)
  if (!doc) return false
  const target = useLoupeStore.getState().cardIdsByList[listKey(place.themeId, perspectiveId)] ?? EMPTY
  return moveCard(doc, cardId, { themeId: place.themeId, perspectiveId, index: target.length })
}

/** Marks a card as an example or as an action line. */
export function setExample(cardId: string, example: boolean): boolean {
  const place = placeOf(cardId)
  const doc = place && docForTheme(place.themeId)
  return doc ? setCardExample(doc, cardId, example) : false
}

/** Deletes a card, keeping what is needed to put it back with `undoRemoveCard`. */
export function removeCard(cardId: string): boolean {
  const place = placeOf(cardId)
  const doc = place && docForTheme(place.themeId)
  if (!place || !doc) return false
  const { card } = place
  useLoupeStore.setState((s) => ({
    lastDeleted: {
      id: cardId,
      text: card.text,
      example: card.example,
      author: card.author,
      place: { themeId: place.themeId, perspectiveId: place.perspectiveId, key: card.place.key },
      index: place.index,
    },
    draftCardIds: s.draftCardIds.filter((id) => id !== cardId),
  }))
  return deleteCard(doc, cardId)
}

/** Puts the last deleted card back where it was (as a new card: the text and place are what matter). */
export function undoRemoveCard(): string | null {
  const deleted = useLoupeStore.getState().lastDeleted
  if (!deleted) return null
  const doc = docForTheme(deleted.place.themeId)
  if (!doc) return null
  const id = addCard(doc, {
    themeId: deleted.place.themeId,
    perspectiveId: deleted.place.perspectiveId,
    text: deleted.text,
    author: deleted.author,
    example: deleted.example,
    index: deleted.index,
  })
  useLoupeStore.setState({ lastDeleted: null, focusId: id })
  return id
}

/** Forgets the undo offer (it timed out or was dismissed). */
export function dismissUndo(): void {
  useLoupeStore.setState({ lastDeleted: null })
}

/** Called when someone leaves a card they just added: an empty one goes away, a written one stays. */
export function settleDraft(cardId: string): void {
  const { draftCardIds, cardsById } = useLoupeStore.getState()
  if (!draftCardIds.includes(cardId)) return
  useLoupeStore.setState((s) => ({ draftCardIds: s.draftCardIds.filter((id) => id !== cardId) }))
  const card = cardsById.get(cardId)
  if (!card || card.text.trim() !== '') return
  const doc = docForTheme(card.place.themeId)
  if (doc) deleteCard(doc, cardId)
}
