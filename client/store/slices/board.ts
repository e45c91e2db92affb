import {
  SCHEMA_VERSION,
  type CardRecord,
  type PerspectiveRecord,
  type ThemeRecord,
  type WorkshopMeta,
} from '../../../shared/schema'

/**
 * The board as plain records kept by id, plus ordered id lists. Built from the document and updated record by
 * record, so a change to one card gives a new object to that card only and leaves every list as it was.
 */
export interface BoardSlice {
  meta: WorkshopMeta
  themesById: Record<string, ThemeRecord>
  themeIds: string[]
  perspectivesById: Record<string, PerspectiveRecord>
  perspectiveIdsByTheme: Record<string, string[]>
  cardsById: ReadonlyMap<string, CardRecord>
  /** Card ids in board order, per list: see `listKey`. */
  cardIdsByList: Record<string, string[]>
}

/** The key of one card list: a perspective of a theme, or the theme's ideas to sort (perspectiveId null). */
export const listKey = (themeId: string, perspectiveId: string | null) => `${themeId}/${perspectiveId ?? ''}`

export const emptyMeta = (): WorkshopMeta => ({
  schemaVersion: SCHEMA_VERSION,
  title: '',
  date: '',
  place: '',
  organiser: '',
  createdAt: 0,
})

export const initialBoard = (): BoardSlice => ({
  meta: emptyMeta(),
  themesById: {},
  themeIds: [],
  perspectivesById: {},
  perspectiveIdsByTheme: {},
  cardsById: new Map(),
  cardIdsByList: {},
})
