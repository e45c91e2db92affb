import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { SQLITE_FILE } from '../../server/persistence/sqlite'
import { SqliteDocStore } from '../../server/persistence/sqliteDocStore'
import { migrate } from '../../server/persistence/sqliteSchema'
import { makeDataDir } from '../helpers/server'

/** The document log on SQLite: each workshop's updates in order, compaction, the move to a log keyed by workshop. */

/** Migrations that made the log a table with a global AUTOINCREMENT seq and an index by workshop. */
const BEFORE_LOG_BY_WORKSHOP = 2

let dataDir: string
let file: string
let db: Database.Database

beforeEach(async () => {
  dataDir = await makeDataDir()
  file = join(dataDir, SQLITE_FILE)
  db = new Database(file)
  db.pragma('journal_mode = WAL')
})

afterEach(async () => {
  db.close()
  await rm(dataDir, { recursive: true, force: true })
})

const update = (n: number) => new Uint8Array([n, n, n])
const firstBytes = (updates: readonly Uint8Array[]) => updates.map((u) => u[0])

it('numbers each workshop’s updates in order, whatever the other workshops store', async () => {
  migrate(db)
  const store = new SqliteDocStore(db)
  expect(await store.append('atelier', [update(1), update(2)])).toBe(2)
  expect(await store.append('autre', [update(9)])).toBe(1)
  expect(await store.append('atelier', [update(3)])).toBe(3)
  expect(await store.load('atelier')).toEqual({ updates: [update(1), update(2), update(3)], lastSeq: 3 })
  expect(await store.load('inconnu')).toEqual({ updates: [], lastSeq: 0 })
})

it('compaction replaces what it covers, keeps what came after, and numbers on past every earlier seq', async () => {
  migrate(db)
  const store = new SqliteDocStore(db)
  await store.append('atelier', [update(1), update(2), update(3)])
  const snapshot = await store.replace('atelier', update(7), 2)
  expect(snapshot).toBe(4)
  expect(firstBytes((await store.load('atelier')).updates)).toEqual([3, 7])
  // Past the last seq: everything before the snapshot goes, the snapshot stays.
  expect(await store.replace('atelier', update(8), 99)).toBe(5)
  expect(await store.load('atelier')).toEqual({ updates: [update(8)], lastSeq: 5 })
  expect(await store.append('atelier', [update(4)])).toBe(6)
  expect(await store.count('atelier')).toBe(2)
})

it('moves a log stored before it was keyed by workshop without losing or reordering an update', async () => {
  migrate(db, BEFORE_LOG_BY_WORKSHOP)
  const insert = db.prepare('INSERT INTO doc_updates (workshop_id, data) VALUES (?, ?)')
  // Interleaved, as several live workshops write: global seqs 1..6.
  for (const [workshopId, n] of [
    ['atelier', 1],
    ['autre', 2],
    ['atelier', 3],
    ['atelier', 4],
    ['autre', 5],
    ['atelier', 6],
  ] as const)
    insert.run(workshopId, Buffer.from(update(n)))

  migrate(db)
  const store = new SqliteDocStore(db)
  expect(await store.load('atelier')).toEqual({
    updates: [update(1), update(3), update(4), update(6)],
    lastSeq: 6,
  })
  expect(await store.load('autre')).toEqual({ updates: [update(2), update(5)], lastSeq: 5 })
  // New updates go after the moved ones.
  expect(await store.append('autre', [update(8)])).toBe(6)
  expect(firstBytes((await store.load('autre')).updates)).toEqual([2, 5, 8])
})

it('a stored change writes fewer than three pages to the write-ahead log, on average', async () => {
  migrate(db)
  // Checkpoints would empty the log while it is measured.
  db.pragma('wal_autocheckpoint = 0')
  const store = new SqliteDocStore(db)
  const change = new Uint8Array(60).fill(7)
  const workshops = Array.from({ length: 20 }, (_, i) => `atelier-${i}`)
  const storeChanges = async (count: number) => {
    // One commit each, as changes of different workshops arriving in different turns.
    for (let i = 0; i < count; i++) await store.append(workshops[i % workshops.length] ?? '', [change])
  }
  await storeChanges(400)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const commits = 400
  await storeChanges(commits)
  const pageSize = db.pragma('page_size', { simple: true }) as number
  // Each page in the log is a 24-byte frame header and the page; the log starts with a 32-byte header.
  const pages = (statSync(`${file}-wal`).size - 32) / (pageSize + 24)
  // The table, its index by workshop and the AUTOINCREMENT counter made it 3.3.
  expect(pages / commits).toBeLessThan(2.5)
})
