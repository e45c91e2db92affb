import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteDocStore } from './sqliteDocStore'
import { createSqliteRegistry } from './sqliteRegistry'
import { migrate } from './sqliteSchema'
import { createSqliteVoteStore } from './sqliteVoteStore'
import type { Storage } from './types'

export const SQLITE_FILE = 'loupe.sqlite'

/** Opens (creating if needed) DATA_DIR/loupe.sqlite: registry, document updates and ballots in one embedded database. */
export function openSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, SQLITE_FILE))
  // WAL + NORMAL: a commit survives a killed process; readers never block the writer.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const docs = new SqliteDocStore(db)
  return {
    registry: createSqliteRegistry(db),
    docs,
    votes: createSqliteVoteStore(db),
    async close() {
      docs.flush()
      if (db.open) db.close()
    },
  }
}
