import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../../client/sync/presenceRelay'
import { FINAL_CLOSE_CODES, presenceColor, type PresenceState } from '../../shared/protocol'

/** One simulated participant's connection: the app's own client library, over `ws`, counting what it receives. */

/** Everything the clients of this process received, as the server's egress (frame headers aside). */
export const traffic = {
  bytes: 0,
  messages: 0,
  byKind: {} as Record<string, { messages: number; bytes: number }>,
}

/** The y-websocket message type (first byte) by name; Loupe's command answers are type 101. */
const KINDS: Record<number, string> = { 0: 'document', 1: 'presence', 101: 'command answers' }

function count(data: ArrayBuffer | Buffer | Buffer[]): void {
  const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength
  const first = Array.isArray(data) ? data[0] : data
  const type = first instanceof ArrayBuffer ? new Uint8Array(first)[0] : first?.[0]
  const kind = (type !== undefined && KINDS[type]) || 'other'
  const entry = (traffic.byKind[kind] ??= { messages: 0, bytes: 0 })
  entry.messages++
  entry.bytes += bytes
  traffic.messages++
  traffic.bytes += bytes
}

/** Close codes the server sent to any client of this process. */
export const closeCodes: number[] = []

class CountingWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols)
    this.on('message', count)
  }
}

export interface BenchClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** Opens a provider to `room` and resolves once it has synced (or rejects after `timeoutMs`). */
export async function connect(
  wsUrl: string,
  room: string,
  params: Record<string, string>,
  person: { id: string; name: string; centre: string },
  timeoutMs = 30_000,
): Promise<BenchClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    params,
    // Node 20 has BroadcastChannel: without this, clients of one process would talk past the server.
    disableBc: true,
    maxBackoffTime: 1000,
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
  })
  // As the app does: each client sends its own presence, not an echo of everyone's.
  sendOwnPresenceOnly(provider)
  provider.on('connection-close', (event) => {
    if (event && event.code !== 1000) closeCodes.push(event.code)
  })
  const presence: PresenceState = {
    user: { ...person, role: 'participant', color: presenceColor(person.id) },
    editing: null,
    lastActive: Date.now(),
  }
  provider.awareness.setLocalState(presence)
  const client = {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  try {
    await whenSynced(provider, timeoutMs)
  } catch (error) {
    client.destroy()
    throw error
  }
  return client
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync)
      reject(new Error(`no sync within ${timeoutMs} ms`))
    }, timeoutMs)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Runs `tasks` with at most `limit` in flight: connection set-up is paced, never 1,500 sockets in one tick. */
export async function inPool<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      const task = tasks[index]
      if (task) results[index] = await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/** Polls `check` every `interval` ms until it is true; rejects after `timeoutMs`. */
export async function until(
  check: () => boolean,
  timeoutMs: number,
  what: string,
  interval = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, interval))
  }
}
