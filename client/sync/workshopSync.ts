import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE, FINAL_CLOSE_CODES, WS_PATH, type PresenceState } from '../../shared/protocol'
import { LocalCopy } from './localCopy'
import { publishPresence } from './presence'
import { sendOwnPresenceOnly } from './presenceRelay'
import type { ConnectionStatus } from './status'

export interface WorkshopSyncOptions {
  workshopId: string
  /** A participant token or a facilitator key. */
  token: string
  /** Who we are, published to the others through awareness; null publishes nobody (the projector). */
  user: PresenceState['user'] | null
  /** Watch read-only as the room's projector (`as=projector`): the server then refuses any change. */
  asProjector?: boolean
  /** The server's http(s) origin; the page's own by default. */
  origin?: string
  /** Keep a copy in IndexedDB so the board reopens and accepts edits offline (jsdom has no IndexedDB). */
  persist?: boolean
}

export type SyncChange = 'status' | 'doc'

/** A live workshop document: the Y.Doc, its awareness and how the connection stands. No React here. */
export interface WorkshopSync {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** The current provider: commands travel over its socket. Replaced (with a 'doc' change) after a refusal. */
  readonly provider: WebsocketProvider
  readonly status: ConnectionStatus
  /** How many times the server refused our copy and the board was reloaded from it. */
  readonly resyncs: number
  /** Calls `listener` when the status changes or the document is replaced; returns the unsubscribe function. */
  subscribe(listener: (change: SyncChange) => void): () => void
  destroy(): void
}

interface Parts {
  doc: Y.Doc
  awareness: Awareness
  provider: WebsocketProvider
  persistence: LocalCopy | null
}

const FINAL_STATUS_BY_CODE: ReadonlyMap<number, ConnectionStatus> = new Map([
  [CLOSE.unauthorized, 'unauthorized'],
  [CLOSE.removed, 'removed'],
  [CLOSE.notFound, 'not_found'],
])

/** The IndexedDB database holding a workshop's local copy. */
export const localDatabaseName = (workshopId: string) => `loupe-${workshopId}`

/** The websocket base URL for an http(s) origin: the provider appends `/<workshopId>?token=…`. */
export function websocketUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}${WS_PATH}`
}

class WorkshopConnection implements WorkshopSync {
  status: ConnectionStatus = 'connecting'
  resyncs = 0
  private parts: Parts
  private destroyed = false
  /** Bumped for each document built, so events of a torn-down provider are ignored. */
  private generation = 0
  private readonly listeners = new Set<(change: SyncChange) => void>()
  private readonly onBrowserOffline = () => this.setStatus('offline')
  // The socket may have survived a short outage: then no provider event will come to say so.
  private readonly onBrowserOnline = () => {
    const { provider } = this.parts
    if (provider.wsconnected) this.setStatus(provider.synced ? 'synced' : 'connected')
  }

  constructor(private readonly options: WorkshopSyncOptions) {
    this.parts = this.build()
    globalThis.addEventListener?.('offline', this.onBrowserOffline)
    globalThis.addEventListener?.('online', this.onBrowserOnline)
  }

  get doc(): Y.Doc {
    return this.parts.doc
  }

  get awareness(): Awareness {
    return this.parts.awareness
  }

  get provider(): WebsocketProvider {
    return this.parts.provider
  }

  subscribe(listener: (change: SyncChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    globalThis.removeEventListener?.('offline', this.onBrowserOffline)
    globalThis.removeEventListener?.('online', this.onBrowserOnline)
    this.tearDown(this.parts)
    this.listeners.clear()
  }

  private build(): Parts {
    const { workshopId, token, user, persist = true, asProjector = false } = this.options
    const generation = ++this.generation
    const current = () => generation === this.generation
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    if (user) publishPresence(awareness, user)
    else awareness.setLocalState(null)
    const origin = this.options.origin ?? globalThis.location.origin
    const provider = new WebsocketProvider(websocketUrl(origin), workshopId, doc, {
      params: asProjector ? { token, as: 'projector' } : { token },
      awareness,
      // Every tab talks to the server, which checks each update: no side channel between tabs.
      disableBc: true,
      maxBackoffTime: 8000,
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code) && event.code !== CLOSE.refused,
    })
    sendOwnPresenceOnly(provider)
    // Opened as the socket connects: both answer in later tasks, whichever first.
    const persistence = persist
      ? new LocalCopy(localDatabaseName(workshopId), doc, (from) => from === provider)
      : null
    provider.on('status', ({ status }) => {
      if (!current()) return
      if (status === 'connected') this.setStatus('connected')
      else if (status === 'disconnected') this.setStatus('offline')
      else if (this.status !== 'offline') this.setStatus('connecting')
    })
    provider.on('sync', (synced) => {
      if (current() && synced && provider.wsconnected) this.setStatus('synced')
    })
    provider.on('closed', ({ code }) => {
      if (!current()) return
      const final = FINAL_STATUS_BY_CODE.get(code)
      if (final) this.setStatus(final)
      else if (code === CLOSE.refused) void this.rebuildFromServer()
    })
    return { doc, awareness, provider, persistence }
  }

  /** The server refused an update: our copy holds something it will never accept, so drop it and start over. */
  private async rebuildFromServer(): Promise<void> {
    const old = this.parts
    this.generation++
    this.setStatus('connecting')
    old.provider.destroy()
    old.awareness.destroy()
    if (old.persistence) await old.persistence.clearData()
    old.doc.destroy()
    if (this.destroyed) return
    this.resyncs++
    this.parts = this.build()
    this.emit('doc')
  }

  private tearDown(parts: Parts): void {
    parts.provider.destroy()
    void parts.persistence?.destroy()
    parts.awareness.destroy()
    parts.doc.destroy()
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status || this.destroyed) return
    // A final answer from the server stands until the page is reopened.
    if (this.status === 'unauthorized' || this.status === 'removed' || this.status === 'not_found') return
    this.status = status
    this.emit('status')
  }

  private emit(change: SyncChange): void {
    for (const listener of this.listeners) listener(change)
  }
}

/** Opens a workshop: local copy first (when persisted), then the server, reconnecting until told otherwise. */
export function connectWorkshop(options: WorkshopSyncOptions): WorkshopSync {
  return new WorkshopConnection(options)
}
