import * as Y from 'yjs'
import { CLOSE } from '../../shared/protocol'
import type { ServerLimits } from '../limits'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { DocStore } from '../persistence/types'
import type { CheckUpdate } from '../referee/index'
import { BoardCards } from './boardCards'
import type { Peer, RoomBus } from './bus'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages'
import { RoomPresence } from './presence'

/** Above this many stored updates, a room replaces them with one merged snapshot. */
export const COMPACT_AFTER = 500

/** Origin of the server's own writes (roster, workshop setup), as opposed to a peer's. */
export const SERVER_ORIGIN = Symbol('server')

export interface RoomDeps {
  docs: DocStore
  bus: RoomBus
  log: Logger
  checkUpdate: CheckUpdate
  metrics: Metrics
  limits: Pick<
    ServerLimits,
    'cardsPerBoard' | 'maxPendingBytes' | 'maxPresenceBytes' | 'presencesPerConnection'
  >
  /** Called once when the room has unloaded or failed; the manager forgets it. */
  onGone: (room: Room) => void
}

type Task =
  | { kind: 'hello'; peer: Peer }
  | { kind: 'syncStep1'; peer: Peer; stateVector: Uint8Array }
  | { kind: 'update'; peer: Peer; update: Uint8Array }
  | { kind: 'server'; change: (doc: Y.Doc) => void; resolve: () => void; reject: (error: unknown) => void }

interface Outgoing {
  peer: Peer
  message: Uint8Array
}

/**
 * One live workshop: its Y.Doc, presence and connections. Everything that reads or writes document content goes
 * through one ordered queue, drained in batches: each update is refereed and applied in order, the batch's resulting
 * changes are stored in one write, and only then relayed and answered. Nothing reaches a client before it is on disk.
 */
export class Room {
  readonly presence: RoomPresence
  private readonly boards: BoardCards
  /** Server writes and HTTP requests in progress that need the room to stay loaded. */
  holds = 0
  gone = false
  private inbox: Task[] = []
  private draining = false
  private unloadRequested = false
  private changes: Array<{ update: Uint8Array; origin: unknown }> = []
  /** Connections closed for a refused or broken message: whatever else they queued is dropped. */
  private readonly ejected = new WeakSet<Peer>()
  private storedCount: number
  private lastSeq: number
  private resolveGone: () => void = () => {}
  /** Resolves when the room has unloaded or failed. */
  readonly whenGone = new Promise<void>((resolve) => (this.resolveGone = resolve))

  /** `doc` holds the stored updates already; `stored` says how many there are and the last one's seq. */
  constructor(
    readonly workshopId: string,
    readonly doc: Y.Doc,
    stored: { count: number; lastSeq: number },
    private readonly deps: RoomDeps,
  ) {
    this.storedCount = stored.count
    this.lastSeq = stored.lastSeq
    this.presence = new RoomPresence(
      doc,
      (message) => this.deps.bus.broadcast(this.workshopId, message, null),
      {
        maxBytes: deps.limits.maxPresenceBytes,
        idsPerConnection: deps.limits.presencesPerConnection,
      },
    )
    this.boards = new BoardCards(doc, deps.limits.cardsPerBoard)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.changes.push({ update, origin }))
  }

  get peers(): ReadonlySet<Peer> {
    return this.deps.bus.peers(this.workshopId)
  }

  /** Welcomes a connection: our state vector (through the queue) and everyone's presence (right away). */
  addPeer(peer: Peer): void {
    this.deps.bus.join(this.workshopId, peer)
    this.unloadRequested = false
    this.enqueue({ kind: 'hello', peer })
    const presence = this.presence.snapshot()
    if (presence) peer.send(presence)
  }

  removePeer(peer: Peer): void {
    if (!this.peers.has(peer)) return
    this.deps.bus.leave(this.workshopId, peer)
    this.presence.forget(peer)
    this.releaseIfIdle()
  }

  /** A client's Yjs update (sync step 2 or update), already decoded safely. */
  receiveUpdate(peer: Peer, update: Uint8Array): void {
    this.enqueue({ kind: 'update', peer, update })
  }

  receiveSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    this.enqueue({ kind: 'syncStep1', peer, stateVector })
  }

  /** A write by the server itself; resolves once it is stored (and relayed). */
  change(change: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'server', change, resolve, reject }))
  }

  /** Unloads (store, compact, forget) as soon as no connection and no request holds the room. */
  releaseIfIdle(): void {
    if (!this.isIdle() || this.gone) return
    this.unloadRequested = true
    this.schedule()
  }

  /** Server shutdown: closes every connection and unloads once pending writes are stored. */
  shutdown(): Promise<void> {
    for (const peer of [...this.peers]) {
      peer.close(CLOSE.shuttingDown, 'server shutting down')
      this.removePeer(peer)
    }
    this.releaseIfIdle()
    return this.whenGone
  }

  /** A stored or live failure: every client of this workshop is told to come back later. */
  fail(error: unknown): void {
    if (this.gone) return
    this.deps.log.error('room_failed', { workshopId: this.workshopId, error })
    for (const task of this.inbox) if (task.kind === 'server') task.reject(error)
    this.inbox = []
    for (const peer of [...this.peers]) {
      peer.close(CLOSE.unavailable, 'workshop unavailable')
      this.deps.bus.leave(this.workshopId, peer)
    }
    this.finish()
  }

  /** Nobody needs the room loaded (messages a departed client left in the queue still get handled first). */
  private isIdle(): boolean {
    return this.peers.size === 0 && this.holds === 0
  }

  private enqueue(task: Task): void {
    if (this.gone) {
      if (task.kind === 'server') task.reject(new Error('room is gone'))
      return
    }
    this.inbox.push(task)
    this.schedule()
  }

  private schedule(): void {
    if (this.draining) return
    this.draining = true
    // A microtask: a message is refereed, stored and relayed right after the socket read that brought it, as each
    // arrives, rather than after every socket of every room has been read. What queues up meanwhile (several frames
    // in one read, messages arriving during a write) still shares one batch and one transaction.
    queueMicrotask(() => void this.drain())
  }

  private async drain(): Promise<void> {
    try {
      while (this.inbox.length > 0 && !this.gone) await this.runBatch(this.inbox.splice(0))
      if (this.unloadRequested && this.isIdle() && this.inbox.length === 0 && !this.gone) await this.unload()
    } catch (error) {
      this.fail(error)
    } finally {
      this.draining = false
      if (!this.gone && (this.inbox.length > 0 || (this.unloadRequested && this.isIdle()))) this.schedule()
    }
  }

  private async runBatch(batch: Task[]): Promise<void> {
    const outbox: Outgoing[] = []
    const applied: Array<Extract<Task, { kind: 'server' }>> = []
    for (const task of batch) this.runTask(task, outbox, applied)
    const changes = this.changes.splice(0)
    if (changes.length > 0) {
      // Durable before relayed: a failed write fails the room before anyone saw the change.
      try {
        this.lastSeq = await this.deps.docs.append(
          this.workshopId,
          changes.map((c) => c.update),
        )
      } catch (error) {
        for (const task of applied) task.reject(error)
        throw error
      }
      this.storedCount += changes.length
    }
    for (const { update, origin } of changes) {
      const except = origin !== SERVER_ORIGIN && typeof origin === 'object' ? (origin as Peer) : null
      this.deps.bus.broadcast(this.workshopId, encodeUpdate(update), except)
    }
    for (const { peer, message } of outbox) if (peer.isOpen) peer.send(message)
    for (const task of applied) task.resolve()
    if (this.storedCount > COMPACT_AFTER) await this.compact()
  }

  private runTask(task: Task, outbox: Outgoing[], applied: Array<Extract<Task, { kind: 'server' }>>): void {
    if (task.kind === 'server') {
      try {
        this.doc.transact(() => task.change(this.doc), SERVER_ORIGIN)
        applied.push(task)
      } catch (error) {
        task.reject(error)
      }
      return
    }
    const { peer } = task
    if (this.ejected.has(peer)) return
    try {
      // An update that fully arrived is kept even if its author has gone since; answers to the gone are not sent.
      if (task.kind === 'update') this.applyPeerUpdate(peer, task.update)
      else if (!peer.isOpen) return
      else if (task.kind === 'hello') outbox.push({ peer, message: encodeSyncStep1(this.doc) })
      else outbox.push({ peer, message: encodeSyncStep2(this.doc, task.stateVector) })
    } catch (error) {
      this.deps.log.warn('message_failed', {
        workshopId: this.workshopId,
        participantId: peer.participantId,
        error,
      })
      this.ejected.add(peer)
      peer.close(CLOSE.malformed, 'message could not be handled')
    }
  }

  private applyPeerUpdate(peer: Peer, update: Uint8Array): void {
    // The role goes to the referee, which refuses any real change from the projector (its sync replies that
    // change nothing, such as a delete set the server already has, pass).
    const verdict = this.deps.checkUpdate(this.doc, update, peer.role, this.boards)
    if (!verdict.ok) return this.refuse(peer, verdict.reason)
    Y.applyUpdate(this.doc, update, peer)
    // Yjs keeps what hangs on history it lacks, out of the document and unrelayed, until that history arrives. Honest
    // clients hardly ever cause it (the server stores before relaying); a client piling it up is refused, and the
    // pile dropped: none of it was stored or relayed, and an honest sender resends it on its next sync.
    if (pendingBytes(this.doc) > this.deps.limits.maxPendingBytes) {
      this.doc.store.pendingStructs = null
      this.doc.store.pendingDs = null
      this.refuse(peer, 'pending')
    }
  }

  private refuse(peer: Peer, reason: string): void {
    this.deps.log.warn('update_refused', {
      workshopId: this.workshopId,
      participantId: peer.participantId,
      role: peer.role,
      reason,
    })
    this.deps.metrics.refused.inc(reason)
    this.ejected.add(peer)
    peer.close(CLOSE.refused, `update refused: ${reason}`)
  }

  private async compact(): Promise<void> {
    const before = this.storedCount
    this.lastSeq = await this.deps.docs.replace(
      this.workshopId,
      Y.encodeStateAsUpdate(this.doc),
      this.lastSeq,
    )
    this.storedCount = 1
    this.deps.log.info('room_compacted', { workshopId: this.workshopId, updates: before })
  }

  private async unload(): Promise<void> {
    if (this.storedCount > 1) await this.compact()
    // Someone may have arrived while the snapshot was being written.
    if (!this.isIdle() || this.inbox.length > 0 || this.gone) return
    this.deps.log.info('room_unloaded', { workshopId: this.workshopId })
    this.finish()
  }

  private finish(): void {
    this.gone = true
    this.presence.destroy()
    this.boards.destroy()
    this.doc.destroy()
    this.deps.onGone(this)
    this.resolveGone()
  }
}

/** Bytes of updates the document holds back, waiting for history it lacks. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}
