import * as Y from 'yjs'
import {
  isCardPlace,
  numberField,
  roots,
  stringField,
  textField,
  type CardMap,
  type PerspectiveMap,
  type ThemeMap,
} from './doc'
import { sortOrdered } from './ordering'
import type { CardRecord, PerspectiveRecord, ThemeRecord } from './schema'

/** Plain projections of single records: what the client store keeps and the exports read. */

export function readTheme(id: string, map: ThemeMap): ThemeRecord {
  const questions = map.get('questions')
  return {
    id,
    key: stringField(map, 'key'),
    name: textField(map, 'name')?.toString() ?? '',
    questions: questions instanceof Y.Array ? questions.toArray().map((q) => String(q)) : [],
  }
}

export function readPerspective(id: string, map: PerspectiveMap): PerspectiveRecord {
  return {
    id,
    themeId: stringField(map, 'themeId'),
    key: stringField(map, 'key'),
    title: textField(map, 'title')?.toString() ?? '',
    description: textField(map, 'description')?.toString() ?? '',
    createdAt: numberField(map, 'createdAt'),
  }
}

export function readCard(id: string, map: CardMap): CardRecord {
  const place = map.get('place')
  return {
    id,
    text: textField(map, 'text')?.toString() ?? '',
    place: isCardPlace(place) ? place : { themeId: '', perspectiveId: null, key: '' },
    example: map.get('example') === true,
    author: stringField(map, 'author'),
    createdAt: numberField(map, 'createdAt'),
  }
}

export interface BoardSnapshot {
  themes: ThemeRecord[]
  perspectives: PerspectiveRecord[]
  cards: CardRecord[]
}

/** The whole board as sorted plain records. Walks the document: for exports and tests, not per update. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const r = roots(doc)
  return {
    themes: sortOrdered([...r.themes.entries()].map(([id, m]) => readTheme(id, m))),
    perspectives: sortOrdered([...r.perspectives.entries()].map(([id, m]) => readPerspective(id, m))),
    cards: [...r.cards.entries()].map(([id, m]) => readCard(id, m)).sort((a, b) => compareCards(a, b)),
  }
}

function compareCards(a: CardRecord, b: CardRecord): number {
  if (a.place.key !== b.place.key) return a.place.key < b.place.key ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Where each card shows: in its perspective when that perspective still exists in the card's theme,
 * otherwise among the theme's ideas to sort (a perspective deleted while someone moved a card into it loses nothing).
 */
export function effectivePerspectiveId(
  card: CardRecord,
  perspectives: ReadonlyMap<string, PerspectiveRecord>,
): string | null {
  const pid = card.place.perspectiveId
  if (pid === null) return null
  const perspective = perspectives.get(pid)
  return perspective && perspective.themeId === card.place.themeId ? pid : null
}
