import * as Y from 'yjs'
import { isCardPlace, roots } from '../doc'
import { newId } from '../ids'
import { keyAt } from '../ordering'
import { LIMITS } from '../schema'
import { cardsOf, perspectivesOf } from './siblings'
import { clipText } from './text'

/** Adds a perspective to a theme at `index` (default: last); returns its id, or null if the theme is gone. */
export function addPerspective(
  doc: Y.Doc,
  input: { themeId: string; title: string; description?: string; index?: number },
): string | null {
  if (!roots(doc).themes.has(input.themeId)) return null
  const id = newId()
  doc.transact(() => {
    const siblings = perspectivesOf(doc, input.themeId)
    const map = new Y.Map<unknown>()
    map.set('themeId', input.themeId)
    map.set('key', keyAt(siblings, input.index ?? siblings.length))
    map.set('title', new Y.Text(clipText(input.title, LIMITS.perspectiveTitleLength)))
    map.set('description', new Y.Text(clipText(input.description ?? '', LIMITS.descriptionLength)))
    map.set('createdAt', Date.now())
    roots(doc).perspectives.set(id, map)
  })
  return id
}

/** Moves a perspective to `index` within its theme. */
export function movePerspective(doc: Y.Doc, perspectiveId: string, index: number): boolean {
  const map = roots(doc).perspectives.get(perspectiveId)
  const themeId = map?.get('themeId')
  if (!map || typeof themeId !== 'string') return false
  doc.transact(() => map.set('key', keyAt(perspectivesOf(doc, themeId, perspectiveId), index)))
  return true
}

/** Deletes a perspective; its cards go back to the theme's ideas to sort, so no card is lost. */
export function deletePerspective(doc: Y.Doc, perspectiveId: string): boolean {
  const r = roots(doc)
  const map = r.perspectives.get(perspectiveId)
  const themeId = map?.get('themeId')
  if (!map || typeof themeId !== 'string') return false
  doc.transact(() => {
    const orphans = cardsOf(doc, themeId, perspectiveId)
    const unsorted = cardsOf(doc, themeId, null)
    for (const orphan of orphans) {
      const card = r.cards.get(orphan.id)
      if (!card || !isCardPlace(card.get('place'))) continue
      const key = keyAt(unsorted, unsorted.length)
      unsorted.push({ id: orphan.id, key })
      card.set('place', { themeId, perspectiveId: null, key })
    }
    r.perspectives.delete(perspectiveId)
  })
  return true
}
