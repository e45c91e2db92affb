import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as Y from 'yjs'
import { startServer, type RunningServer, type ServerOptions } from '../../server/app'
import { isLogLevel } from '../../server/log'
import { SQLITE_FILE } from '../../server/persistence/sqlite'
import { waitFor } from './waitFor'

const REPO_ROOT = resolve(import.meta.dirname, '../..')
// Tests are quiet; LOUPE_TEST_LOG=debug shows the server's log lines when a test needs explaining.
const TEST_LOG_LEVEL = isLogLevel(process.env.LOUPE_TEST_LOG) ? process.env.LOUPE_TEST_LOG : 'silent'

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'loupe-test-'))
}

export interface TestServer {
  server: RunningServer
  url: string
  dataDir: string
  /** Closes the server, keeping its data directory (for restart tests). */
  stop(): Promise<void>
  /** Closes the server and deletes its data directory. */
  cleanup(): Promise<void>
}

/** A quiet server on port 0 with its own temporary data directory (or the one given). */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeDataDir())
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    clientDir: null,
    logLevel: TEST_LOG_LEVEL,
    ...options,
    dataDir,
  })
  return {
    server,
    url: server.url,
    dataDir,
    stop: () => server.close(),
    async cleanup() {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolvePort(port))
    })
  })
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Milliseconds from the start request until /healthz answered. */
  startupMs: number
  /** Everything the process printed on stdout so far. */
  stdout(): string
  /** Sends a signal to the server process and resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>
}

/**
 * Runs a file of the repository in a Node process of its own, as the server's environment expects: TypeScript
 * through tsx, JavaScript (the server's build) as it is.
 */
export function spawnNode(
  file: string,
  {
    dataDir,
    port,
    env = {},
    stderr = 'inherit',
  }: { dataDir: string; port: number; env?: Record<string, string>; stderr?: 'inherit' | 'pipe' },
): ChildProcess {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : []
  return spawn(process.execPath, [...loader, file], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: TEST_LOG_LEVEL,
      ...env,
    },
    stdio: ['pipe', 'pipe', stderr],
  })
}

/**
 * Runs the server as a separate process (for crash tests): `tsx server/index.ts` unless `entry` names another file,
 * such as the build. Waits until /healthz answers.
 */
export async function spawnServerProcess(options: {
  dataDir: string
  port: number
  env?: Record<string, string>
  entry?: string
}): Promise<ServerProcess> {
  const startedAt = Date.now()
  return superviseServer(spawnNode(options.entry ?? 'server/index.ts', options), options.port, startedAt)
}

/** Waits until the server in `child` answers on `port`; kills it if it never does. */
export async function superviseServer(
  child: ChildProcess,
  port: number,
  startedAt: number,
): Promise<ServerProcess> {
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit()
    else child.once('exit', () => resolveExit())
  })
  let stdout = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
        return (await fetch(url + '/healthz')).ok
      },
      { timeout: 15_000, interval: 10 },
    )
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url,
    child,
    startupMs: Date.now() - startedAt,
    stdout: () => stdout,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** What the database file holds for a workshop, read straight from disk (WAL lets a server keep it open). */
export function readStoredDoc(dataDir: string, workshopId: string): { doc: Y.Doc; rows: number } {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    const rows = db
      .prepare('SELECT data FROM doc_updates WHERE workshop_id = ? ORDER BY seq')
      .all(workshopId) as Array<{
      data: Buffer
    }>
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    return { doc, rows: rows.length }
  } finally {
    db.close()
  }
}

/** Cuts a workshop's last stored update in half, as a torn write on a damaged disk would; returns the rows' bytes. */
export function truncateStoredDoc(dataDir: string, workshopId: string): Buffer[] {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    const last = db
      .prepare('SELECT seq, data FROM doc_updates WHERE workshop_id = ? ORDER BY seq DESC LIMIT 1')
      .get(workshopId) as { seq: number; data: Buffer }
    db.prepare('UPDATE doc_updates SET data = ? WHERE workshop_id = ? AND seq = ?').run(
      last.data.subarray(0, last.data.length >> 1),
      workshopId,
      last.seq,
    )
    return storedRows(db, workshopId)
  } finally {
    db.close()
  }
}

/** The raw bytes of a workshop's stored updates, in order. */
export function readStoredRows(dataDir: string, workshopId: string): Buffer[] {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    return storedRows(db, workshopId)
  } finally {
    db.close()
  }
}

function storedRows(db: Database.Database, workshopId: string): Buffer[] {
  const rows = db
    .prepare('SELECT data FROM doc_updates WHERE workshop_id = ? ORDER BY seq')
    .all(workshopId) as Array<{ data: Buffer }>
  return rows.map((row) => row.data)
}

/** SQLite's own verdict on the database file ('ok' when sound), read while no server has it open. */
export function integrityCheck(dataDir: string): string[] {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>
    const foreign = db.pragma('foreign_key_check') as unknown[]
    return [
      ...rows.map((row) => row.integrity_check),
      ...foreign.map((row) => `foreign key: ${JSON.stringify(row)}`),
    ]
  } finally {
    db.close()
  }
}

/** Overwrites a workshop's stored updates with bytes Yjs cannot read, as a damaged disk would. */
export function corruptStoredDoc(dataDir: string, workshopId: string): void {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    db.prepare('UPDATE doc_updates SET data = ? WHERE workshop_id = ?').run(
      Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]),
      workshopId,
    )
  } finally {
    db.close()
  }
}
