import type * as Y from 'yjs'
import { readMeta, roots } from '../../shared/doc'
import { compareOrdered } from '../../shared/ordering'
import { effectivePerspectiveId, readCard, readPerspective, readTheme } from '../../shared/read'
import type { CardRecord, PerspectiveRecord } from '../../shared/schema'
import { noteChangedCards } from './cardScoped'
import { initialBoard, listKey, type BoardSlice } from './slices/board'

/** Ids whose records changed in one transaction, per root. */
export interface BoardChanges {
  meta: boolean
  themes: Set<string>
  perspectives: Set<string>
  cards: Set<string>
}

export const noChanges = (): BoardChanges => ({
  meta: false,
  themes: new Set(),
  perspectives: new Set(),
  cards: new Set(),
})

/** The whole board read from the document: on binding only, updates go through `applyBoardChanges`. */
export function readBoardState(doc: Y.Doc): BoardSlice {
  const r = roots(doc)
  const changes: BoardChanges = {
    meta: true,
    themes: new Set(r.themes.keys()),
    perspectives: new Set(r.perspectives.keys()),
    cards: new Set(r.cards.keys()),
  }
  return { ...initialBoard(), ...applyBoardChanges(initialBoard(), doc, changes) }
}

const sameIds = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((id, i) => id === b[i])

/** Keeps the previous array when the ids did not change, so list components do not re-render. */
function stable(previous: readonly string[] | undefined, next: string[]): string[] {
  return sameIds(previous, next) ? (previous as string[]) : next
}

/** Re-reads only the changed records and recomputes only the lists whose membership or order may have moved. */
export function applyBoardChanges(state: BoardSlice, doc: Y.Doc, changes: BoardChanges): Partial<BoardSlice> {
  const r = roots(doc)
  const patch: Partial<BoardSlice> = {}
  if (changes.meta) patch.meta = readMeta(doc)

  if (changes.themes.size > 0) {
    const themesById = { ...state.themesById }
    for (const id of changes.themes) {
      const map = r.themes.get(id)
      if (map) themesById[id] = readTheme(id, map)
      else delete themesById[id]
    }
    patch.themesById = themesById
    patch.themeIds = stable(
      state.themeIds,
      Object.values(themesById)
        .sort(compareOrdered)
        .map((theme) => theme.id),
    )
  }

  // Themes whose card lists may have changed shape (a card or a perspective arrived, left or moved).
  const regroup = new Set<string>()
  let perspectivesById = state.perspectivesById
  if (changes.perspectives.size > 0) {
    perspectivesById = { ...state.perspectivesById }
    const reorder = new Set<string>()
    for (const id of changes.perspectives) {
      const before = state.perspectivesById[id]
      const map = r.perspectives.get(id)
      const after = map ? readPerspective(id, map) : undefined
      if (after) perspectivesById[id] = after
      else delete perspectivesById[id]
      if (before?.key !== after?.key || before?.themeId !== after?.themeId) {
        for (const themeId of [before?.themeId, after?.themeId]) {
          if (themeId === undefined) continue
          reorder.add(themeId)
          if (before?.themeId !== after?.themeId) regroup.add(themeId)
        }
      }
    }
    patch.perspectivesById = perspectivesById
    if (reorder.size > 0)
      patch.perspectiveIdsByTheme = orderPerspectives(state.perspectiveIdsByTheme, perspectivesById, reorder)
  }

  let cardsById = state.cardsById
  if (changes.cards.size > 0) {
    // A Map: copying one that holds 500 cards is ten times faster than spreading an object with 500 keys, and this
    // runs on every keystroke someone types.
    const next = new Map(state.cardsById)
    for (const id of changes.cards) {
      const before = state.cardsById.get(id)
      const map = r.cards.get(id)
      const after = map ? readCard(id, map) : undefined
      if (after) next.set(id, after)
      else next.delete(id)
      const moved =
        before?.place.themeId !== after?.place.themeId ||
        before?.place.perspectiveId !== after?.place.perspectiveId ||
        before?.place.key !== after?.place.key
      if (moved) {
        if (before) regroup.add(before.place.themeId)
        if (after) regroup.add(after.place.themeId)
      }
    }
    patch.cardsById = cardsById = next
    noteChangedCards(state.cardsById, next, changes.cards)
  }

  if (regroup.size > 0)
    patch.cardIdsByList = groupCards(state.cardIdsByList, cardsById, perspectivesById, regroup)
  return patch
}

function orderPerspectives(
  previous: Record<string, string[]>,
  perspectivesById: Record<string, PerspectiveRecord>,
  themeIds: ReadonlySet<string>,
): Record<string, string[]> {
  const next = { ...previous }
  for (const themeId of themeIds) {
    const ids = Object.values(perspectivesById)
      .filter((p) => p.themeId === themeId)
      .sort(compareOrdered)
      .map((p) => p.id)
    if (ids.length === 0) delete next[themeId]
    else next[themeId] = stable(previous[themeId], ids)
  }
  return next
}

function compareCards(a: CardRecord, b: CardRecord): number {
  return compareOrdered({ id: a.id, key: a.place.key }, { id: b.id, key: b.place.key })
}

function groupCards(
  previous: Record<string, string[]>,
  cardsById: ReadonlyMap<string, CardRecord>,
  perspectivesById: Record<string, PerspectiveRecord>,
  themeIds: ReadonlySet<string>,
): Record<string, string[]> {
  const perspectives = new Map(Object.entries(perspectivesById))
  const grouped = new Map<string, CardRecord[]>()
  for (const card of cardsById.values()) {
    if (!themeIds.has(card.place.themeId)) continue
    const key = listKey(card.place.themeId, effectivePerspectiveId(card, perspectives))
    const list = grouped.get(key)
    if (list) list.push(card)
    else grouped.set(key, [card])
  }
  const next = { ...previous }
  for (const key of Object.keys(next)) {
    if (themeIds.has(key.slice(0, key.indexOf('/'))) && !grouped.has(key)) delete next[key]
  }
  for (const [key, cards] of grouped)
    next[key] = stable(
      previous[key],
      cards.sort(compareCards).map((c) => c.id),
    )
  return next
}
