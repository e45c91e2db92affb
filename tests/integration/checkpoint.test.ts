import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startCheckpointer } from '../../server/persistence/checkpointer'
import { openSqliteStorage, SQLITE_FILE } from '../../server/persistence/sqlite'
import type { Storage } from '../../server/persistence/types'
import { makeDataDir } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** The write-ahead log is copied back into the database by a worker thread, not by the connection that writes. */

const run = promisify(execFile)

let dataDir: string
let storage: Storage | null = null

afterEach(async () => {
  await storage?.close()
  storage = null
  await rm(dataDir, { recursive: true, force: true })
})

const sizeOf = (file: string) => statSync(file).size

async function writeUpdates(s: Storage, count: number): Promise<void> {
  const update = new Uint8Array(1024).fill(7)
  // One transaction each, as a room storing one batch at a time.
  for (let i = 0; i < count; i++) await s.docs.append('atelier', [update])
}

it('a worker moves what was written from the log into the database file, while the writer never does', async () => {
  dataDir = await makeDataDir()
  const file = join(dataDir, SQLITE_FILE)
  const writer = new Database(file)
  writer.pragma('journal_mode = WAL')
  writer.pragma('wal_autocheckpoint = 0')
  writer.exec('CREATE TABLE t (data BLOB)')
  const insert = writer.prepare('INSERT INTO t (data) VALUES (?)')
  const before = sizeOf(file)
  for (let i = 0; i < 2000; i++) insert.run(Buffer.alloc(1024, 7))
  // Everything is still in the log: nobody has checkpointed.
  expect(sizeOf(file)).toBe(before)
  const checkpointer = startCheckpointer(file, (error) => expect.fail(String(error)), 50)
  try {
    await waitFor(() => expect(sizeOf(file)).toBeGreaterThan(before + 1_500_000), { timeout: 10_000 })
  } finally {
    await checkpointer.stop()
    writer.close()
  }
})

it('leaves no log behind on close, and loses nothing', async () => {
  dataDir = await makeDataDir()
  storage = openSqliteStorage(dataDir)
  await writeUpdates(storage, 300)
  await storage.close()
  storage = null
  const log = join(dataDir, `${SQLITE_FILE}-wal`)
  expect(existsSync(log) ? sizeOf(log) : 0).toBe(0)
  const reopened = openSqliteStorage(dataDir)
  try {
    expect((await reopened.docs.load('atelier')).updates).toHaveLength(300)
  } finally {
    await reopened.close()
  }
})

it('lets a process that only stores end once it has closed the store', async () => {
  dataDir = await makeDataDir()
  const script = join(dataDir, 'store-and-close.mts')
  const sqlite = join(import.meta.dirname, '../../server/persistence/sqlite.ts')
  await writeFile(
    script,
    `import { openSqliteStorage } from ${JSON.stringify(sqlite)}
const storage = openSqliteStorage(${JSON.stringify(join(dataDir, 'data'))})
await storage.docs.append('atelier', [new Uint8Array([1, 2, 3])])
await storage.close()
console.log('closed')
`,
  )
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { timeout: 20_000 })
  expect(stdout.trim()).toBe('closed')
})
