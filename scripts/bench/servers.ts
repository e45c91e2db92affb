import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ServerName } from './options'

/** The servers under test, each in its own process on loopback, started fresh for every measurement. */

export const REPO_ROOT = resolve(import.meta.dirname, '../..')
const HOST = '127.0.0.1'

export interface ServerProcess {
  name: ServerName
  pid: number
  httpUrl: string
  /** What a y-websocket provider is given as its server URL. */
  wsUrl: string
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and deletes its data. */
  stop(): Promise<void>
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolvePort(port))
    })
  })
}

/**
 * Every simulated participant connects from the same loopback address, which the per-address limits are made to
 * stop; the per-connection limits (message rate, sizes) stay as users get them.
 */
const BENCH_LIMITS = {
  LOUPE_CONNECTIONS_PER_ADDRESS: '100000',
  LOUPE_WORKSHOPS_PER_HOUR: '100000',
  LOUPE_WRONG_CODES_PER_MINUTE: '100000',
}

/** Loupe as `npm start` runs it: the server's build. */
export const LOUPE_BUILD = 'dist/server/index.js'

/**
 * The Node options `npm run serve` (and so `npm start`) gives the server: the bench runs Loupe exactly as people
 * do, so they are read from package.json rather than repeated here.
 */
export function servedNodeFlags(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts
  const served = new RegExp(`^node((?: --[^ ]+)*) ${LOUPE_BUILD}$`).exec(scripts.serve ?? '')
  if (!served) throw new Error(`package.json: "serve" should be "node [--options] ${LOUPE_BUILD}"`)
  return (served[1] ?? '').split(' ').filter(Boolean)
}

/** Builds the server (a second or two) when its build is missing or older than its sources: never measure a stale one. */
export function ensureLoupeBuild(): void {
  const built = join(REPO_ROOT, LOUPE_BUILD)
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const newest = Math.max(...['server', 'shared'].map((dir) => newestMtime(join(REPO_ROOT, dir))))
  if (builtAt > newest) return
  execFileSync('npm', ['run', '-s', 'build:server'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Starts Loupe (`node dist/server/index.js`, or a TypeScript entry through tsx) or the reference y-websocket server. */
export async function startServer(
  name: ServerName,
  options: { profileDir?: string | null; loupeEntry?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort()
  const env = { ...process.env, HOST, PORT: String(port) }
  const profile = options.profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${resolve(options.profileDir)}`,
        `--cpu-prof-name=${name}-${port}.cpuprofile`,
      ]
    : []
  let dataDir: string | null = null
  let child: ChildProcess
  if (name === 'loupe') {
    dataDir = mkdtempSync(join(tmpdir(), 'loupe-bench-'))
    const entry = options.loupeEntry ?? LOUPE_BUILD
    const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
    child = spawn(process.execPath, [...servedNodeFlags(), ...profile, ...loader, entry], {
      cwd: REPO_ROOT,
      env: { ...env, ...BENCH_LIMITS, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  } else {
    // No YPERSISTENCE: the reference keeps documents in memory only and never loads y-leveldb.
    const referenceEnv: NodeJS.ProcessEnv = { ...env }
    delete referenceEnv.YPERSISTENCE
    const exitOnSigterm = options.profileDir ? ['--require', './scripts/bench/exitOnSigterm.cjs'] : []
    child = spawn(
      process.execPath,
      [...profile, ...exitOnSigterm, 'node_modules/y-websocket-reference/bin/server.cjs'],
      {
        cwd: REPO_ROOT,
        env: referenceEnv,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
  }
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  const httpUrl = `http://${HOST}:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(killer)
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilAnswering(httpUrl + (name === 'loupe' ? '/healthz' : '/'), child)
  } catch (error) {
    await stop()
    throw error
  }
  if (child.pid === undefined) throw new Error(`${name} server has no pid`)
  return { name, pid: child.pid, httpUrl, wsUrl: `ws://${HOST}:${port}/ws`, stop }
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server at ${url} did not answer within 20 s`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Loupe's loaded-workshop and connection counts. */
export async function loupeHealth(httpUrl: string): Promise<{ workshops: number; connections: number }> {
  const body = (await (await fetch(httpUrl + '/healthz')).json()) as {
    workshops: number
    connections: number
  }
  return { workshops: body.workshops, connections: body.connections }
}
