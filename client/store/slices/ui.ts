import type { CardPlace } from '../../../shared/schema'
import type { MessageKey } from '../../i18n'

/** A card just deleted by this person, kept a few seconds so they can undo. */
export interface DeletedCard {
  id: string
  text: string
  example: boolean
  author: string
  place: CardPlace
  index: number
}

/** State of this screen only: never shared, never stored in the document. */
export interface UiSlice {
  selectedThemeId: string | null
  /** A card or perspective to focus once it is on screen (just added, or moved by keyboard). */
  focusId: string | null
  /** Cards this person added and has not written in yet: removed again if left empty. */
  draftCardIds: string[]
  lastDeleted: DeletedCard | null
  /** A short message for this person only (the board is full…), shown a few seconds. */
  notice: MessageKey | null
  /** The card whose tools are open; kept here so they stay open when the card moves to another list. */
  openCardMenuId: string | null
  /** Bumped each time a document is bound, so text fields rebind to the new one. */
  docVersion: number
}

export const initialUi = (): UiSlice => ({
  selectedThemeId: null,
  focusId: null,
  draftCardIds: [],
  lastDeleted: null,
  notice: null,
  openCardMenuId: null,
  docVersion: 0,
})
