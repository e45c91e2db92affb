import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SqliteDocStore } from '../persistence/sqliteDocStore'
import { createSqliteRegistry } from '../persistence/sqliteRegistry'
import { SQLITE_FILE } from '../persistence/sqlite'
import type { DocStore, WorkshopRegistry } from '../persistence/types'
import { CliError } from './errors'

/** The data directory the server uses when none is given: DATA_DIR, else ./data. */
export function defaultDataDir(): string {
  return process.env.DATA_DIR || './data'
}

export function databasePath(dataDir: string): string {
  return join(resolve(dataDir), SQLITE_FILE)
}

export interface ReadOnlyStore {
  db: Database.Database
  registry: WorkshopRegistry
  docs: DocStore
  close(): void
}

/**
 * Opens an existing database for reading only. In WAL mode this works while the server runs: a reader sees the
 * last committed state and never blocks the server's writes.
 */
export function openReadOnlyStore(dataDir: string): ReadOnlyStore {
  const path = databasePath(dataDir)
  if (!existsSync(path))
    throw new CliError(`No Loupe database at ${path} (give --data-dir, or set DATA_DIR).`)
  const db = new Database(path, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return { db, registry: createSqliteRegistry(db), docs: new SqliteDocStore(db), close: () => db.close() }
}
