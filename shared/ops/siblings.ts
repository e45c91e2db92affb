import type * as Y from 'yjs'
import { isCardPlace, roots } from '../doc'
import { sortOrdered, type Ordered } from '../ordering'
import { readPerspective } from '../read'

/** Perspectives of a theme, in board order. */
export function perspectivesOf(doc: Y.Doc, themeId: string, exceptId?: string): Ordered[] {
  const result: Ordered[] = []
  for (const [id, map] of roots(doc).perspectives.entries()) {
    if (id === exceptId || map.get('themeId') !== themeId) continue
    result.push({ id, key: readPerspective(id, map).key })
  }
  return sortOrdered(result)
}

/** Cards of one list (a perspective, or a theme's ideas to sort when perspectiveId is null), in board order. */
export function cardsOf(
  doc: Y.Doc,
  themeId: string,
  perspectiveId: string | null,
  exceptId?: string,
): Ordered[] {
  const result: Ordered[] = []
  for (const [id, map] of roots(doc).cards.entries()) {
    if (id === exceptId) continue
    const place = map.get('place')
    if (isCardPlace(place) && place.themeId === themeId && place.perspectiveId === perspectiveId) {
      result.push({ id, key: place.key })
    }
  }
  return sortOrdered(result)
}

/** How many cards a theme holds, for the per-board limit. */
export function countCards(doc: Y.Doc, themeId: string): number {
  let count = 0
  for (const map of roots(doc).cards.values()) {
    const place = map.get('place')
    if (isCardPlace(place) && place.themeId === themeId) count++
  }
  return count
}
