import type * as Y from 'yjs'
import { roots } from '../doc'
import { compareOrdered } from '../ordering'
import type { IndicatorRecord } from '../schema'

/** Indicators as the document holds them: plain values, read defensively (a record of another version reads as null). */

const isText = (v: unknown): v is string => typeof v === 'string'
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** One indicator record, or null when the stored value is not one. */
export function readIndicator(id: string, raw: unknown): IndicatorRecord | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  if (!isText(r.indicator) || !isNumber(r.value) || !isText(r.key)) return null
  return {
    id,
    theme: isText(r.theme) ? r.theme : '',
    indicator: r.indicator,
    value: r.value,
    unit: isText(r.unit) ? r.unit : '',
    comparison: isNumber(r.comparison) ? r.comparison : null,
    comparisonLabel: isText(r.comparisonLabel) ? r.comparisonLabel : '',
    source: isText(r.source) ? r.source : '',
    year: isNumber(r.year) ? r.year : null,
    themeId: isText(r.themeId) ? r.themeId : null,
    key: r.key,
  }
}

/**
 * Every indicator of the workshop. Keys order the data cards of one board only (see `indicatorsOn`). Walks the root:
 * for exports and commands, not per update.
 */
export function readIndicators(doc: Y.Doc): IndicatorRecord[] {
  const records: IndicatorRecord[] = []
  for (const [id, raw] of roots(doc).indicators.entries()) {
    const record = readIndicator(id, raw)
    if (record) records.push(record)
  }
  return records.sort(compareOrdered)
}

/** The indicators pinned to a board, in the order its data cards show (unpinned ones with themeId null). */
export function indicatorsOn(doc: Y.Doc, themeId: string | null): IndicatorRecord[] {
  return readIndicators(doc).filter((record) => record.themeId === themeId)
}
