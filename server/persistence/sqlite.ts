import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log'
import { startCheckpointer } from './checkpointer'
import { SqliteDocStore } from './sqliteDocStore'
import { createSqliteRegistry } from './sqliteRegistry'
import { migrate } from './sqliteSchema'
import { createSqliteVoteStore } from './sqliteVoteStore'
import type { Storage } from './types'

export const SQLITE_FILE = 'loupe.sqlite'

/** SQLite's own default: a checkpoint once the log holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000

/**
 * Opens (creating if needed) DATA_DIR/loupe.sqlite: registry, document updates and ballots in one embedded database.
 * Checkpoints run in a worker thread (checkpointer.ts) unless `checkpointInWorker` is false (short-lived commands).
 */
export function openSqliteStorage(
  dataDir: string,
  { log, checkpointInWorker = true }: { log?: Logger; checkpointInWorker?: boolean } = {},
): Storage {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, SQLITE_FILE)
  const db = new Database(file)
  // WAL + NORMAL: a commit survives a killed process; readers never block the writer.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const docs = new SqliteDocStore(db)
  let checkpointsHere = !checkpointInWorker
  const checkpointer = checkpointInWorker
    ? startCheckpointer(file, (error) => {
        if (checkpointsHere || !db.open) return
        checkpointsHere = true
        log?.warn('checkpoint_worker_failed', { error })
        db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
      })
    : null
  if (checkpointer) db.pragma('wal_autocheckpoint = 0')
  return {
    registry: createSqliteRegistry(db),
    docs,
    votes: createSqliteVoteStore(db),
    async close() {
      docs.flush()
      await checkpointer?.stop()
      if (!db.open) return
      // Everything back in the database file: a copied or backed-up data folder needs no log.
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
