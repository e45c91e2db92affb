import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { initWorkshop } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import type { TemplateId } from '../../shared/templates'

/** Shared set-up for the unit tests of the domain layer: a workshop document as the server creates it. */

export const MEETING = {
  title: 'Rencontre des centres sociaux',
  date: '2025-03-14',
  place: 'Maison des associations, Lyon',
  organiser: 'Fédération du Rhône',
  createdAt: 1_741_950_000_000,
}

/** A fresh workshop document from a template, with its theme ids in board order. */
export function newWorkshop(template: TemplateId = 'participation-partenariats'): {
  doc: Y.Doc
  themeIds: string[]
} {
  const doc = new Y.Doc()
  initWorkshop(doc, MEETING, template)
  return { doc, themeIds: readBoard(doc).themes.map((t) => t.id) }
}

/** The first theme id of a template workshop; fails loudly when the template has none. */
export function firstTheme(themeIds: readonly string[]): string {
  const id = themeIds[0]
  if (id === undefined) throw new Error('the workshop has no theme')
  return id
}

/** Runs `write` and counts the 'update' events it caused: one per transaction that changed something. */
export function countUpdates<T>(doc: Y.Doc, write: () => T): { result: T; updates: number } {
  let updates = 0
  const onUpdate = () => updates++
  doc.on('update', onUpdate)
  try {
    return { result: write(), updates }
  } finally {
    doc.off('update', onUpdate)
  }
}

/** Everything the document holds, as bytes: equal snapshots mean nothing was written. */
export function snapshot(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64')
}

/** Raw record access, for the few tests that look under the projections. */
export function rawCard(doc: Y.Doc, id: string): Y.Map<unknown> {
  const card = roots(doc).cards.get(id)
  if (!card) throw new Error(`no card ${id}`)
  return card
}

/** A second copy of the document, as another person's browser would hold it after syncing. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
  return replica
}

/** Half an emoji (a lone UTF-16 surrogate): Yjs sends it as U+FFFD, so the copies would disagree. */
export function hasHalfEmoji(value: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)
}
