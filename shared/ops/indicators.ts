import type * as Y from 'yjs'
import { roots } from '../doc'
import { newId } from '../ids'
import { INDICATOR_LIMITS, type IndicatorInput } from '../indicators/types'
import { indicatorsOn, readIndicator } from '../indicators/record'
import { matchBoard } from '../indicators/themeMatch'
import { keyAt, sortOrdered, type Ordered } from '../ordering'
import { readTheme } from '../read'
import type { IndicatorValue } from '../schema'

/** Server-side: the observatory's indicators, imported from a file by the facilitator and pinned to boards. */

export type ImportMode = 'append' | 'replace'

export interface ImportSummary {
  ids: string[]
  /** How many of them went straight onto a board whose name matches their theme. */
  pinned: number
}

/**
 * Imports parsed indicators in one transaction: `replace` first removes every indicator, `append` keeps them.
 * Rows whose theme matches a board's name are pinned to it, after its data cards. Null (and nothing written) when
 * the workshop would then hold more indicators than the limit.
 */
export function importIndicators(
  doc: Y.Doc,
  rows: readonly IndicatorInput[],
  mode: ImportMode,
): ImportSummary | null {
  const map = roots(doc).indicators
  const kept = mode === 'replace' ? 0 : map.size
  if (kept + rows.length > INDICATOR_LIMITS.rows) return null
  const boards = sortOrdered([...roots(doc).themes.entries()].map(([id, m]) => readTheme(id, m)))
  const summary: ImportSummary = { ids: [], pinned: 0 }
  doc.transact(() => {
    if (mode === 'replace') map.clear()
    const groups = new Map<string | null, Ordered[]>()
    const siblings = (themeId: string | null) => {
      let list = groups.get(themeId)
      if (!list) groups.set(themeId, (list = indicatorsOn(doc, themeId)))
      return list
    }
    for (const row of rows) {
      const themeId = matchBoard(row.theme, boards)
      const list = siblings(themeId)
      const id = newId()
      const key = keyAt(list, list.length)
      list.push({ id, key })
      map.set(id, { ...row, themeId, key } satisfies IndicatorValue)
      summary.ids.push(id)
      if (themeId !== null) summary.pinned++
    }
  })
  return summary
}

/** Pins an indicator to a board at `index` among its data cards (default: last), or unpins it (themeId null). */
export function pinIndicator(
  doc: Y.Doc,
  indicatorId: string,
  themeId: string | null,
  index?: number,
): boolean {
  const map = roots(doc).indicators
  const record = readIndicator(indicatorId, map.get(indicatorId))
  if (!record || (themeId !== null && !roots(doc).themes.has(themeId))) return false
  doc.transact(() => {
    const siblings = indicatorsOn(doc, themeId).filter((other) => other.id !== indicatorId)
    const { id: _id, ...value } = record
    const key = keyAt(siblings, index ?? siblings.length)
    map.set(indicatorId, { ...value, themeId, key } satisfies IndicatorValue)
  })
  return true
}

/** Deletes an indicator (its data card leaves its board). */
export function removeIndicator(doc: Y.Doc, indicatorId: string): boolean {
  const map = roots(doc).indicators
  if (!map.has(indicatorId)) return false
  doc.transact(() => map.delete(indicatorId))
  return true
}
