import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import {
  addCard,
  initWorkshop,
  moveCard,
  putRosterEntry,
  resolveText,
  setCardExample,
  spliceText,
} from '../../shared/ops'
import { DEFAULT_TEMPLATE } from '../../shared/templates'
import { openSqliteStorage, SQLITE_FILE } from '../../server/persistence/sqlite'
import type { DocStore } from '../../server/persistence/types'
import { seededRandom } from './typist'

/**
 * A long workshop as storage sees it: 15 people, edits made with shared/ops on a document, each edit's update
 * appended through Loupe's real SqliteDocStore. At each checkpoint: the stored log (one row per edit, what a room
 * holds between compactions), and the snapshot a room leaves when it compacts; load = read rows + apply to a fresh doc.
 */

export interface GrowthCheckpoint {
  edits: number
  rows: number
  log_kb: number
  log_load_ms: number
  snapshot_kb: number
  snapshot_load_ms: number
}

export interface GrowthReport {
  participants: number
  checkpoints: GrowthCheckpoint[]
  database_kb: number
  note: string
}

const PEOPLE = 15
const CHECKPOINTS = [1_000, 10_000, 20_000, 100_000]
const LETTERS = 'abcdefghijklmnopqrstuvwxyz éèàç,.'
const WORKSHOP = 'growth-log'
const SNAPSHOT = 'growth-snapshot'

/** Reads every stored update of a workshop and applies them to a fresh document, as a room does when it loads. */
async function timedLoad(docs: DocStore, workshopId: string): Promise<number> {
  const started = performance.now()
  const stored = await docs.load(workshopId)
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  const ms = performance.now() - started
  doc.destroy()
  return Number(ms.toFixed(1))
}

export async function growth(): Promise<GrowthReport> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-growth-'))
  const storage = openSqliteStorage(dir)
  const sizes = new Database(join(dir, SQLITE_FILE), { readonly: true })
  const measure = sizes.prepare<[string], { rows: number; bytes: number }>(
    'SELECT COUNT(*) AS rows, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE workshop_id = ?',
  )
  try {
    const random = seededRandom(3)
    const doc = new Y.Doc()
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      id: `personne${i + 1}`,
      clientID: 1000 + i,
      cardId: '',
      caret: 0,
    }))
    const pending: Array<Promise<number>> = []
    doc.on('update', (update: Uint8Array) => pending.push(storage.docs.append(WORKSHOP, [update])))
    initWorkshop(
      doc,
      { title: 'Atelier de trois heures', date: '', place: '', organiser: '', createdAt: Date.now() },
      DEFAULT_TEMPLATE,
    )
    for (const p of people)
      putRosterEntry(doc, p.id, { name: p.id, centre: 'Centre', role: 'participant', joinedAt: Date.now() })
    const themeIds = [...roots(doc).themes.keys()]
    let snapshotSeq = 0
    const checkpoints: GrowthCheckpoint[] = []
    for (let edit = 1; edit <= (CHECKPOINTS[CHECKPOINTS.length - 1] ?? 0); edit++) {
      const who = people[Math.floor(random() * PEOPLE)] ?? people[0]
      if (!who) break
      // Each person writes with their own Yjs client id, as their own browser would.
      doc.clientID = who.clientID
      const roll = random()
      const themeId = themeIds[Math.floor(random() * themeIds.length)] ?? ''
      if (!who.cardId || roll < 0.005) {
        who.cardId = addCard(doc, { themeId, perspectiveId: null, text: '', author: who.id }) ?? who.cardId
        who.caret = 0
      } else if (roll < 0.03) {
        moveCard(doc, who.cardId, { themeId, perspectiveId: null, index: Math.floor(random() * 20) })
      } else if (roll < 0.04) {
        setCardExample(doc, who.cardId, random() < 0.5)
      } else {
        // People type forward from a caret, fix a typo now and then, and sometimes click elsewhere in the text.
        const ref = { kind: 'card', id: who.cardId, field: 'text' } as const
        const length = resolveText(doc, ref)?.length ?? 0
        if (roll < 0.06 || who.caret > length) who.caret = Math.floor(random() * (length + 1))
        if (roll < 0.14 && who.caret > 0) spliceText(doc, ref, --who.caret, 1, '')
        else spliceText(doc, ref, who.caret++, 0, LETTERS[Math.floor(random() * LETTERS.length)] ?? 'a')
      }
      if (pending.length >= 200) await Promise.all(pending.splice(0))
      if (!CHECKPOINTS.includes(edit)) continue
      await Promise.all(pending.splice(0))
      const log = measure.get(WORKSHOP) ?? { rows: 0, bytes: 0 }
      snapshotSeq = await storage.docs.replace(SNAPSHOT, Y.encodeStateAsUpdate(doc), snapshotSeq)
      const snapshot = measure.get(SNAPSHOT) ?? { rows: 0, bytes: 0 }
      checkpoints.push({
        edits: edit,
        rows: log.rows,
        log_kb: Number((log.bytes / 1024).toFixed(1)),
        log_load_ms: await timedLoad(storage.docs, WORKSHOP),
        snapshot_kb: Number((snapshot.bytes / 1024).toFixed(1)),
        snapshot_load_ms: await timedLoad(storage.docs, SNAPSHOT),
      })
    }
    await Promise.all(pending.splice(0))
    doc.destroy()
    return {
      participants: PEOPLE,
      checkpoints,
      database_kb: Number((statSync(join(dir, SQLITE_FILE)).size / 1024).toFixed(0)),
      note:
        `${PEOPLE} people; a 3-hour workshop is about 20,000 edits. Rooms compact past 500 stored updates and on unload, ` +
        'so what a room really loads is the snapshot plus at most 500 log rows; the full log is the worst case.',
    }
  } finally {
    sizes.close()
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
