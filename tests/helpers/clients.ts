import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { FINAL_CLOSE_CODES, WS_PATH } from '../../shared/protocol'
import { joinWorkshop } from './api'

/** Real y-websocket clients and raw sockets against a test server. */

export function wsBase(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws') + WS_PATH
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the first sync with the server completed. */
  whenSynced: Promise<void>
  /** Close codes the server sent this client, in order. */
  closeCodes: number[]
  destroy(): void
}

/**
 * A y-websocket client as a browser would open it. Like the web app, it keeps reconnecting after any close except
 * the final ones (unauthorized, removed, unknown workshop).
 */
export function connectClient(
  httpUrl: string,
  workshopId: string,
  token: string,
  options: { doc?: Y.Doc; params?: Record<string, string> } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const closeCodes: number[] = []
  const provider = new WebsocketProvider(wsBase(httpUrl), workshopId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, ...options.params },
    disableBc: true,
    maxBackoffTime: 300,
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
  })
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  const whenSynced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return {
    doc,
    provider,
    whenSynced,
    closeCodes,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export interface RawSocket {
  ws: WebSocket
  /** Every binary message the server sent. */
  received: Uint8Array[]
  opened: Promise<void>
  closed: Promise<{ code: number; reason: string }>
}

/**
 * A bare websocket to /ws/<workshopId>, for sending what no y-websocket client would. `from` picks the client
 * address (any of 127.0.0.0/8), to act as several machines.
 */
export function openRawSocket(
  httpUrl: string,
  workshopId: string,
  token: string | null,
  { from }: { from?: string } = {},
): RawSocket {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`${wsBase(httpUrl)}/${workshopId}${query}`, from ? { localAddress: from } : {})
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  ws.on('error', () => {})
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('close', () => reject(new Error('closed before opening')))
  })
  opened.catch(() => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  return { ws, received, opened, closed }
}

/** Sync step 1 with an empty state vector: "send me everything". */
export function syncStep1Message(doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** A sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Applies every sync step 2 / update a raw socket received to `doc`. */
export function applyReceived(raw: RawSocket, doc: Y.Doc): void {
  for (const message of raw.received) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== 0) continue
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server')
  }
}

/** Joins a workshop over HTTP and connects as that participant; resolves once synced. */
export async function joinAndConnect(
  httpUrl: string,
  workshop: { id: string; joinCode: string },
  person: { name: string; centre: string },
): Promise<TestClient & { participantId: string; token: string }> {
  const joined = await joinWorkshop(httpUrl, workshop, person)
  const client = connectClient(httpUrl, workshop.id, joined.token)
  await client.whenSynced
  return { ...client, participantId: joined.participantId, token: joined.token }
}

/** An awareness message publishing `state` for a made-up client id, as a provider would send it. */
export function presenceMessage(state: Record<string, unknown>): { message: Uint8Array; clientId: number } {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
  awareness.destroy()
  return { message: encoding.toUint8Array(encoder), clientId: doc.clientID }
}
