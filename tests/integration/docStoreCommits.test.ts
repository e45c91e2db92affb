import Database from 'better-sqlite3'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { SQLITE_FILE } from '../../server/persistence/sqlite'
import { SqliteDocStore } from '../../server/persistence/sqliteDocStore'
import { migrate } from '../../server/persistence/sqliteSchema'
import { makeDataDir } from '../helpers/server'

/**
 * When the document store commits: at once for the first writes of an event-loop turn (a room relays right after the
 * socket read that brought the change), together at the turn's end for the writes asked for after that commit.
 */

let dataDir: string
let db: Database.Database
let store: SqliteDocStore
let commits: number

beforeEach(async () => {
  dataDir = await makeDataDir()
  db = new Database(join(dataDir, SQLITE_FILE))
  db.pragma('journal_mode = WAL')
  migrate(db)
  // Counts the transactions the store commits, around the real better-sqlite3 transaction.
  commits = 0
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const run = transaction(fn)
    return (...args: never[]) => {
      const result = run(...args)
      commits++
      return result
    }
  }) as typeof db.transaction
  store = new SqliteDocStore(db)
})

afterEach(async () => {
  db.close()
  await rm(dataDir, { recursive: true, force: true })
})

const update = (n: number) => new Uint8Array([n, n, n])
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function storedUpdates(workshopId: string): number[] {
  const rows = db
    .prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE workshop_id = ? ORDER BY seq')
    .all(workshopId)
  return rows.map((row) => row.data[0] ?? -1)
}

/** Whether `write` is stored before the current turn reaches its immediates. */
async function storedWithinTheTurn(write: () => Promise<unknown>): Promise<boolean> {
  let turnEnded = false
  setImmediate(() => {
    turnEnded = true
  })
  await write()
  return !turnEnded
}

it('commits the first write of a turn before the turn ends', async () => {
  expect(await storedWithinTheTurn(() => store.append('atelier', [update(1)]))).toBe(true)
  expect(commits).toBe(1)
  expect(storedUpdates('atelier')).toEqual([1])
})

it('gathers the writes asked for after that commit into one commit at the end of the turn', async () => {
  await store.append('atelier', [update(1)])
  const order: string[] = []
  setImmediate(() => order.push('turn end'))
  // As rooms of other sockets read in the same I/O phase: two workshops, three writes.
  const later = [
    store.append('atelier', [update(2)]).then(() => order.push('2')),
    store.append('autre', [update(3)]).then(() => order.push('3')),
    store.append('atelier', [update(4)]).then(() => order.push('4')),
  ]
  await Promise.resolve()
  expect(order).toEqual([])
  await Promise.all(later)
  expect(order).toEqual(['turn end', '2', '3', '4'])
  expect(commits).toBe(2)
  expect(storedUpdates('atelier')).toEqual([1, 2, 4])
  expect(storedUpdates('autre')).toEqual([3])

  // The next turn's first write commits at once again.
  await nextTurn()
  expect(await storedWithinTheTurn(() => store.append('atelier', [update(5)]))).toBe(true)
  expect(commits).toBe(3)
})

it('a load sees a write still waiting for the end of the turn', async () => {
  await store.append('atelier', [update(1)])
  const waiting = store.append('atelier', [update(2)])
  const loaded = await store.load('atelier')
  expect(loaded.updates.map((u) => u[0])).toEqual([1, 2])
  await expect(waiting).resolves.toBe(loaded.lastSeq)
})

it('a failed commit refuses every write it held, and the store keeps working', async () => {
  await store.append('atelier', [update(1)])
  db.exec(
    `CREATE TRIGGER refuse BEFORE INSERT ON doc_updates WHEN NEW.workshop_id = 'autre'
     BEGIN SELECT RAISE(ABORT, 'disk refused'); END`,
  )
  const held = [store.append('atelier', [update(2)]), store.append('autre', [update(3)])]
  await expect(held[0]).rejects.toThrow('disk refused')
  await expect(held[1]).rejects.toThrow('disk refused')
  // Nothing of the refused transaction was kept.
  expect(storedUpdates('atelier')).toEqual([1])
  await nextTurn()
  await store.append('atelier', [update(4)])
  expect(storedUpdates('atelier')).toEqual([1, 4])
})
