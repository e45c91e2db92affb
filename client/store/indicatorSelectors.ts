import { compareOrdered } from '../../shared/ordering'
import type { IndicatorRecord } from '../../shared/schema'
import type { LoupeState } from './store'

/** Which indicators show where: read from the store, so every screen derives the same lists. */

const byKey = (records: IndicatorRecord[]) => records.sort(compareOrdered).map((record) => record.id)

/** The ids of the data cards of a board, in their order. */
export function pinnedIndicatorIds(state: LoupeState, themeId: string): string[] {
  return byKey(Object.values(state.indicatorsById).filter((record) => record.themeId === themeId))
}

/** The ids of indicators on no board (never pinned, unpinned, or pinned to a board deleted since). */
export function unpinnedIndicatorIds(state: LoupeState): string[] {
  return byKey(
    Object.values(state.indicatorsById).filter(
      (record) => record.themeId === null || state.themesById[record.themeId] === undefined,
    ),
  )
}
