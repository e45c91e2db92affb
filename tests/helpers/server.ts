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
  /** Everything the process printed on stdout so far. */
  stdout(): string
  /** Sends a signal to the server process and resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>
}

/** Runs `tsx server/index.ts` as a separate process (for crash tests) and waits until /healthz answers. */
export async function spawnServerProcess({ dataDir, port }: { dataDir: string; port: number }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: TEST_LOG_LEVEL },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  let stdout = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
        return (await fetch(url + '/healthz')).ok
      },
      { timeout: 15_000, interval: 50 },
    )
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url,
    child,
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
    const rows = db.prepare('SELECT data FROM doc_updates WHERE workshop_id = ? ORDER BY seq').all(workshopId) as Array<{
      data: Buffer
    }>
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    return { doc, rows: rows.length }
  } finally {
    db.close()
  }
}

/** Overwrites a workshop's stored updates with bytes Yjs cannot read, as a damaged disk would. */
export function corruptStoredDoc(dataDir: string, workshopId: string): void {
  const db = new Database(join(dataDir, SQLITE_FILE))
  try {
    db.prepare('UPDATE doc_updates SET data = ? WHERE workshop_id = ?').run(Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]), workshopId)
  } finally {
    db.close()
  }
}
