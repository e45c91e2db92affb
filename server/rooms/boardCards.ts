import * as Y from 'yjs'
import { isCardPlace, roots } from '../../shared/doc'
import type { BoardCardCounts } from '../referee/index'

/**
 * How many cards each board holds, for the per-board limit. Counted once when the room loads, then kept in step
 * from the cards map's changes: work proportional to each change, never a walk of the document per update.
 */
export class BoardCards implements BoardCardCounts {
  private readonly themeOfCard = new Map<string, string>()
  private readonly perTheme = new Map<string, number>()
  private readonly cards: Y.Map<Y.Map<unknown>>

  constructor(
    doc: Y.Doc,
    readonly limit: number,
  ) {
    this.cards = roots(doc).cards
    for (const [id, card] of this.cards.entries()) this.place(id, themeOf(card))
    this.cards.observeDeep(this.onChange)
  }

  count(themeId: string): number {
    return this.perTheme.get(themeId) ?? 0
  }

  themeOf(cardId: string): string | null {
    return this.themeOfCard.get(cardId) ?? null
  }

  destroy(): void {
    this.cards.unobserveDeep(this.onChange)
  }

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const event of events) {
      if (event.target === this.cards) {
        // Cards added, replaced or deleted.
        for (const id of event.changes.keys.keys()) this.place(id, themeOf(this.cards.get(id)))
      } else if (
        event.target instanceof Y.Map &&
        event.target.parent === this.cards &&
        event.changes.keys.has('place')
      ) {
        // A card moved: only its own record changed. Text edits inside cards land here too and are skipped.
        const id = event.path[0]
        if (typeof id === 'string') this.place(id, themeOf(this.cards.get(id)))
      }
    }
  }

  private place(cardId: string, themeId: string | null): void {
    const before = this.themeOfCard.get(cardId) ?? null
    if (before === themeId) return
    if (before !== null) {
      const left = this.count(before) - 1
      if (left > 0) this.perTheme.set(before, left)
      else this.perTheme.delete(before)
      this.themeOfCard.delete(cardId)
    }
    if (themeId !== null) {
      this.perTheme.set(themeId, this.count(themeId) + 1)
      this.themeOfCard.set(cardId, themeId)
    }
  }
}

function themeOf(card: unknown): string | null {
  if (!(card instanceof Y.Map)) return null
  const place: unknown = card.get('place')
  return isCardPlace(place) ? place.themeId : null
}
