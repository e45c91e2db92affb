import fc from 'fast-check'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Agent, request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { CONTENT_SECURITY_POLICY } from '../../server/http/respond'
import { createWorkshop, health, joinWorkshop } from '../helpers/api'
import { connectClient, joinAndConnect, wsBase, type TestClient } from '../helpers/clients'
import {
  connectionArb,
  httpArb,
  OVERSIZE_FRAME,
  tcpArb,
  type Credential,
  type HttpCall,
} from '../helpers/fuzzFrames'
import { MB, settledMemory } from '../helpers/memory'
import { furnish, type Person } from '../helpers/people'
import { commander } from '../helpers/commands'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/**
 * Seeded fuzzing of everything a stranger can send: websocket frames (random bytes, real headers with garbage
 * bodies, cut or bit-flipped sync messages, random presence, random commands, random Yjs edits) and HTTP requests
 * (random methods, paths, headers, bodies), plus raw TCP garbage. The server must stay up, answer sanely, keep its
 * memory, and let another workshop work on undisturbed. LOUPE_SOAK=1 runs about ten times longer.
 */

const SOAK = process.env.LOUPE_SOAK === '1'
const SEED = 20250317
const BUDGET_MS = SOAK ? 150_000 : 15_000
const CONNECTIONS = SOAK ? 30_000 : 2_500
const REQUESTS = SOAK ? 30_000 : 3_000
const RAW_TCP = SOAK ? 5_000 : 400
const PARALLEL = 12
/** Connections and requests run before memory is first measured: enough for every cache to fill. */
const WARM_UP = 600

let t: TestServer
let clientDir: string
let target: CreateWorkshopResponse
let tokens: { facilitator: string; participant: string; other: string }
let base: Uint8Array
let typist: TestClient & { participantId: string }
let watcher: TestClient & { participantId: string }
let typing: TextRef
let typed = 0
let typingTimer: NodeJS.Timeout

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'loupe-client-'))
  await mkdir(join(clientDir, 'assets'))
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Loupe</title><div id="root"></div>')
  await writeFile(join(clientDir, 'assets', 'x.js'), 'export {}')
  t = await startTestServer({ clientDir })

  // The workshop under attack, with a board to aim at.
  target = await createWorkshop(t.url, { title: 'Cible' })
  const steward = connectClient(t.url, target.id, target.facilitatorKey)
  await steward.whenSynced
  const stewardPerson: Person = {
    ...steward,
    participantId: 'facilitator-1',
    token: target.facilitatorKey,
    commands: commander(steward),
  }
  await furnish(t, target.id, stewardPerson, 2, 3)
  base = Y.encodeStateAsUpdate(steward.doc)
  steward.destroy()
  const elsewhere = await createWorkshop(t.url, { title: 'Ailleurs' })
  tokens = {
    facilitator: target.facilitatorKey,
    participant: (await joinWorkshop(t.url, target)).token,
    other: (await joinWorkshop(t.url, elsewhere)).token,
  }

  // The workshop next door: one person types all along, another watches.
  const neighbours = await createWorkshop(t.url, { title: 'Voisins' })
  typist = await joinAndConnect(t.url, neighbours, { name: 'Ophélie', centre: 'CS Voisin' })
  watcher = await joinAndConnect(t.url, neighbours, { name: 'Pierre', centre: 'CS Voisin' })
  const themeId = readBoard(typist.doc).themes[0]!.id
  typing = {
    kind: 'card',
    id: addCard(typist.doc, { themeId, perspectiveId: null, text: '', author: typist.participantId })!,
    field: 'text',
  }
  typingTimer = setInterval(() => {
    const text = resolveText(typist.doc, typing)
    if (text && text.length < 900 && spliceText(typist.doc, typing, text.length, 0, 'k')) typed++
  }, 50)
})

afterAll(async () => {
  clearInterval(typingTimer)
  typist?.destroy()
  watcher?.destroy()
  await t?.cleanup()
  await rm(clientDir, { recursive: true, force: true })
})

const seen = () => resolveText(watcher.doc, typing)?.length ?? 0

function tokenFor(credential: Credential): string | null {
  switch (credential) {
    case 'facilitator':
    case 'projector':
      return tokens.facilitator
    case 'participant':
      return tokens.participant
    case 'otherWorkshop':
      return tokens.other
    case 'wrong':
      return 'x'.repeat(43)
    case 'none':
      return null
  }
}

/** Opens a socket as `credential`, sends every frame as fast as it can, then leaves; resolves with frames sent. */
async function fuzzSocket(connection: {
  credential: Credential
  frames: Array<Uint8Array | string>
  from: string
}): Promise<number> {
  const token = tokenFor(connection.credential)
  const query = new URLSearchParams(token === null ? {} : { token })
  if (connection.credential === 'projector') query.set('as', 'projector')
  const ws = new WebSocket(`${wsBase(t.url)}/${target.id}?${query}`, { localAddress: connection.from })
  ws.on('error', () => {})
  ws.on('message', () => {})
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()))
  const opened = await Promise.race([
    new Promise<boolean>((resolve) => ws.once('open', () => resolve(true))),
    closed.then(() => false),
  ])
  let sent = 0
  if (opened) {
    for (const frame of connection.frames) {
      if (ws.readyState !== WebSocket.OPEN) break
      ws.send(frame)
      sent++
    }
    ws.close()
  }
  const timeout = setTimeout(() => ws.terminate(), 3000)
  await closed
  clearTimeout(timeout)
  return sent
}

const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL })

/** Sends one request; returns what was wrong with the answer, or null. */
function fuzzRequest(call: HttpCall): Promise<string | null> {
  return new Promise((resolve) => {
    let req
    try {
      // Bodies always say their length: a body without framing is garbage on the stream, which fuzzTcp sends.
      const length = call.body ? { 'content-length': String(call.body.length) } : {}
      req = httpRequest(t.url + call.path, {
        method: call.method,
        headers: { ...call.headers, ...length },
        agent,
      })
    } catch {
      return resolve(null) // A request Node itself refuses to send never reaches the server.
    }
    req.on('error', (error) => resolve(`${call.method} ${call.path}: ${error.message}`))
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const status = res.statusCode ?? 0
        const where = `${call.method} ${call.path} -> ${status}`
        if (status >= 500) return resolve(`${where}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`)
        if (res.headers['content-security-policy'] !== CONTENT_SECURITY_POLICY)
          return resolve(`${where}: no CSP`)
        if (res.headers['x-content-type-options'] !== 'nosniff') return resolve(`${where}: no nosniff`)
        if (res.headers['set-cookie']) return resolve(`${where}: sets a cookie`)
        const path = call.path.split('?')[0] ?? ''
        const isApi = path === '/api' || path.startsWith('/api/')
        const type = res.headers['content-type'] ?? ''
        // API errors are JSON; only a successful export is a file (its own tests check it).
        if (
          isApi &&
          call.method !== 'HEAD' &&
          !type.includes('application/json') &&
          !(status === 200 && path.endsWith('/export'))
        ) {
          return resolve(`${where}: ${type} from the API`)
        }
        resolve(null)
      })
    })
    req.end(call.body ?? undefined)
  })
}

/** Writes `bytes` straight onto a TCP connection to the server, and waits for it to answer or hang up. */
function fuzzTcp(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(t.server.port, '127.0.0.1')
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve()
    }
    const timer = setTimeout(done, 1000)
    socket.on('error', done)
    socket.on('close', done)
    socket.on('data', () => {})
    socket.on('connect', () => socket.end(Buffer.from(bytes)))
  })
}

/** Runs `work` over `items` with PARALLEL workers until done or `deadline`; returns how many items ran. */
async function pool<T, R>(
  items: readonly T[],
  deadline: number,
  work: (item: T) => Promise<R>,
  collect: (result: R) => void,
): Promise<number> {
  let next = 0
  const worker = async () => {
    while (next < items.length && Date.now() < deadline) collect(await work(items[next++]!))
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return next
}

/** Every fuzzing socket has gone and the target workshop unloaded: only the neighbours remain. */
async function quiet(): Promise<void> {
  await waitFor(
    async () => expect(await health(t.url)).toMatchObject({ status: 'ok', workshops: 1, connections: 2 }),
    {
      timeout: 10_000,
    },
  )
}

it(
  'stays up, keeps its memory and lets another workshop work through tens of thousands of hostile frames and requests',
  { timeout: BUDGET_MS + 60_000 },
  async () => {
    const sockets = fc.sample(connectionArb(base), { seed: SEED, numRuns: CONNECTIONS })
    const calls = fc.sample(
      httpArb([target.id, 'inconnu'], [tokens.facilitator, tokens.participant, tokens.other, 'faux']),
      { seed: SEED + 1, numRuns: REQUESTS },
    )
    const garbage = fc.sample(tcpArb(target.id), { seed: SEED + 2, numRuns: RAW_TCP })
    let frames = 0
    const problems: string[] = []
    const noteProblem = (problem: string | null) => {
      if (problem !== null) problems.push(problem)
    }

    // A warm-up run fills the caches every later run reuses; memory is measured from there.
    const warmUp = Date.now() + 60_000
    await pool(sockets.slice(0, WARM_UP), warmUp, fuzzSocket, (sent) => (frames += sent))
    await pool(calls.slice(0, WARM_UP), warmUp, fuzzRequest, noteProblem)
    await pool(garbage.slice(0, WARM_UP / 4), warmUp, fuzzTcp, () => {})
    await quiet()
    const before = await settledMemory()

    const deadline = Date.now() + BUDGET_MS
    const fuzzing = Promise.all([
      pool(sockets.slice(WARM_UP), deadline, fuzzSocket, (sent) => (frames += sent)),
      pool(calls.slice(WARM_UP), deadline, fuzzRequest, noteProblem),
      pool(garbage.slice(WARM_UP / 4), deadline, fuzzTcp, () => {}),
      pool(
        [OVERSIZE_FRAME, OVERSIZE_FRAME],
        deadline,
        (frame) => fuzzSocket({ credential: 'participant', frames: [frame], from: '127.0.0.41' }),
        () => {},
      ),
    ])
    // Meanwhile, the neighbours keep working: what is typed reaches the other screen within seconds.
    let finished = false
    void fuzzing.finally(() => (finished = true))
    while (!finished) {
      const goal = typed
      await waitFor(() => seen() >= goal, { timeout: 8000 })
      const room = t.server.rooms.get(target.id)
      // What a stranger can make a live workshop hold stays small: presence ids, updates waiting for history.
      if (room) expect(room.presence.awareness.meta.size).toBeLessThan(5000)
      if (room)
        expect(room.doc.store.pendingStructs?.update.byteLength ?? 0).toBeLessThanOrEqual(
          t.server.limits.maxPendingBytes,
        )
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const [socketsRun, requestsRun] = await fuzzing

    expect(problems.slice(0, 10)).toEqual([])
    expect(frames).toBeGreaterThan(SOAK ? 100_000 : 20_000)
    expect(requestsRun).toBeGreaterThan(SOAK ? 5_000 : 1_000)
    expect(socketsRun).toBeGreaterThan(500)
    agent.destroy()
    await quiet()
    const after = await settledMemory()
    // Client and server share this process: the bounds leave room for the fuzzer's own caches; ten kilobytes kept per
    // connection would break them, and the checks during the run catch what a live workshop would keep.
    expect((after.heapUsed - before.heapUsed) / MB, 'heap growth in MB').toBeLessThan(SOAK ? 48 : 24)
    expect((after.external - before.external) / MB, 'Buffer growth in MB').toBeLessThan(16)
    // Resident memory also keeps the allocator's high-water mark, which only a real leak keeps raising.
    expect((after.rss - before.rss) / MB, 'resident memory growth in MB').toBeLessThan(SOAK ? 256 : 96)

    const goal = typed
    await waitFor(() => seen() >= goal)
    expect(resolveText(watcher.doc, typing)?.toString()).toBe(resolveText(typist.doc, typing)?.toString())
    expect(typist.closeCodes).toEqual([])
    expect(watcher.closeCodes).toEqual([])
  },
)
