import * as random from 'lib0/random'
import * as Y from 'yjs'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { DocStore } from '../persistence/types'
import type { CheckUpdate } from '../referee/index'
import type { Peer, RoomBus } from './bus'
import { Room, type RoomDeps } from './Room'

/** A workshop whose stored document cannot be loaded; its clients are told to come back later. */
export class RoomUnavailable extends Error {
  override name = 'RoomUnavailable'
}

/** The server is stopping: clients are told it is going away (1001), not that their workshop is broken. */
export class ShuttingDown extends RoomUnavailable {
  override name = 'ShuttingDown'
}

export interface RoomManagerDeps {
  docs: DocStore
  bus: RoomBus
  log: Logger
  checkUpdate: CheckUpdate
  metrics: Metrics
  limits: RoomDeps['limits']
}

/** The live rooms: loaded on first use, shared by concurrent joins, unloaded when the last one leaves. */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private closing = false
  /**
   * One Yjs client id for everything this server writes, instead of one per document it opens: every id a
   * workshop has seen stays in its state vector for good, and every transaction, on the server and on each
   * laptop, walks that vector. Safe because the id is this server's alone (drawn at random as it starts, as Yjs
   * draws them) and a workshop is open in at most one room here at a time, which starts from everything stored
   * under the id (what was never stored was never relayed either).
   */
  readonly clientId = random.uint32()

  constructor(private readonly deps: RoomManagerDeps) {}

  /** An empty document whose own writes are this server's. */
  newDoc(): Y.Doc {
    const doc = new Y.Doc()
    doc.clientID = this.clientId
    return doc
  }

  /** How many workshops are loaded. */
  get size(): number {
    return this.rooms.size
  }

  get(workshopId: string): Room | undefined {
    return this.rooms.get(workshopId)
  }

  /** How many connections all rooms hold. */
  connectionCount(): number {
    let count = 0
    for (const room of this.rooms.values()) count += room.peers.size
    return count
  }

  /** Loads the room if needed and adds the connection; rejects with RoomUnavailable when it cannot load. */
  async attach(workshopId: string, peer: Peer): Promise<Room> {
    const room = await this.live(workshopId)
    room.addPeer(peer)
    return room
  }

  /** A server write into a workshop's document (loading it if needed); resolves once stored and relayed. */
  async change(workshopId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.live(workshopId)
    room.holds++
    try {
      await room.change(change)
    } finally {
      room.holds--
      room.releaseIfIdle()
    }
  }

  /** Stores what is pending, closes every connection with 1001 and unloads every room. */
  async closeAll(): Promise<void> {
    this.closing = true
    await Promise.allSettled([...this.loading.values()])
    await Promise.all([...this.rooms.values()].map((room) => room.shutdown()))
  }

  /** A loaded room that is not on its way out; the caller must use it before yielding to the event loop. */
  private async live(workshopId: string): Promise<Room> {
    for (;;) {
      if (this.closing) throw new ShuttingDown('server is shutting down')
      const room = this.rooms.get(workshopId) ?? (await this.acquire(workshopId))
      // The room may have unloaded between the lookup and now; then load it afresh.
      if (!room.gone) return room
    }
  }

  private acquire(workshopId: string): Promise<Room> {
    const existing = this.rooms.get(workshopId)
    if (existing) return Promise.resolve(existing)
    let loading = this.loading.get(workshopId)
    if (!loading) {
      loading = this.load(workshopId).finally(() => this.loading.delete(workshopId))
      this.loading.set(workshopId, loading)
    }
    return loading
  }

  private async load(workshopId: string): Promise<Room> {
    const stored = await this.deps.docs.load(workshopId)
    const doc = new Y.Doc()
    try {
      doc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(doc, update)
      })
    } catch (error) {
      doc.destroy()
      this.deps.log.error('room_load_failed', { workshopId, updates: stored.updates.length, error })
      throw new RoomUnavailable(`workshop ${workshopId} could not be loaded`)
    }
    // Only now: Yjs gives a document a new id when an update it applies carries structs under its own.
    doc.clientID = this.clientId
    const room = new Room(
      workshopId,
      doc,
      { count: stored.updates.length, lastSeq: stored.lastSeq },
      {
        ...this.deps,
        onGone: (gone) => {
          if (this.rooms.get(workshopId) === gone) this.rooms.delete(workshopId)
        },
      },
    )
    this.rooms.set(workshopId, room)
    this.deps.log.info('room_loaded', { workshopId, updates: stored.updates.length })
    return room
  }
}
