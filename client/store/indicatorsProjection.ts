import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { readIndicator } from '../../shared/indicators'
import type { IndicatorRecord } from '../../shared/schema'

/** Keeps the indicators slice in step with the document, record by record (each is one plain value). */

/** Every indicator of the document: on binding only. */
export function readIndicatorsById(doc: Y.Doc): Record<string, IndicatorRecord> {
  return applyIndicatorChanges({}, doc, new Set(roots(doc).indicators.keys()))
}

/** The slice with only the changed ids re-read (a value that is no indicator reads as absent). */
export function applyIndicatorChanges(
  previous: Record<string, IndicatorRecord>,
  doc: Y.Doc,
  ids: ReadonlySet<string>,
): Record<string, IndicatorRecord> {
  const next = { ...previous }
  const map = roots(doc).indicators
  for (const id of ids) {
    const record = readIndicator(id, map.get(id))
    if (record) next[id] = record
    else delete next[id]
  }
  return next
}
