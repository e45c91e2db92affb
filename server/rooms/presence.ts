import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CLOSE } from '../../shared/protocol'
import type { Peer } from './bus'
import { encodeAwareness } from './messages'

export interface PresenceLimits {
  /** Bytes of one presence message. */
  maxBytes: number
  /** Presence client ids one connection may introduce over its life (a tab publishes one). */
  idsPerConnection: number
}

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/** A presence message the room will not take; the connection is closed with `code`. */
export class PresenceRefused extends Error {
  override name = 'PresenceRefused'

  constructor(
    readonly code: number,
    readonly reason: 'presence_too_large' | 'too_many_presences',
  ) {
    super(reason)
  }
}

interface PresenceEntry {
  clientId: number
  clock: number
  /** The state as JSON text, as it came. */
  state: string
}

/** The body of an awareness update, as y-protocols encodes it. */
function encodeEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Whether a presence state shows the person `peer` is connected as: their id, and their role if it names one (a
 * screen shows a presence without a role as a participant's).
 */
function showsOwnPerson(state: unknown, peer: Peer): boolean {
  if (peer.role === 'projector' || typeof state !== 'object' || state === null) return false
  const user: unknown = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return false
  const { id, role } = user as { id?: unknown; role?: unknown }
  return id === peer.participantId && (role === undefined || role === peer.role)
}

/** Client ids whose presence left, remembered so that a late echo cannot bring them back; past this, forgotten. */
const MAX_REMEMBERED = 4096

/**
 * How long a presence renewal (the same state sent again, every 15 s by each client) may wait before it is
 * relayed. Renewals only say "still here" and clients wait 30 s before giving up on someone: gathered, they reach
 * each screen as one message every few seconds instead of one per person, a quarter of a room's presence traffic.
 */
export const RENEWAL_RELAY_MS = 2000

/**
 * A room's presence (y-protocols awareness): who is here and what they are editing. Not stored, only relayed;
 * a connection's presence disappears for everyone when it leaves.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  /** How many client ids each connection introduced: each one costs memory for as long as the room lives. */
  private readonly introduced = new WeakMap<Peer, number>()
  /** Ids whose state really changed in the update being handled (y-protocols says so in its 'change' event). */
  private changed = new Set<number>()
  /** Renewals waiting for the next relay, and the timer that sends them. */
  private readonly renewals = new Set<number>()
  private renewalTimer: NodeJS.Timeout | null = null
  /** Which connection holds each presence: only it, or a newer connection of the same person, may change it. */
  private readonly holders = new Map<number, Peer>()

  constructor(
    doc: Y.Doc,
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly limits: PresenceLimits,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server itself is nobody's presence.
    this.awareness.setLocalState(null)
    this.awareness.on('change', this.onChange)
    this.awareness.on('update', this.onUpdate)
  }

  /** Everyone's current presence, for a newcomer or a query-awareness message; null when nobody is here. */
  snapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : null
  }

  /**
   * Applies a client's presence update, whole or not at all. Throws PresenceRefused past a limit, and any other
   * error on malformed input. Entries that speak for someone else are left out and counted (see `screen`).
   */
  receive(peer: Peer, update: Uint8Array): { notTheirs: number } {
    if (update.byteLength > this.limits.maxBytes)
      throw new PresenceRefused(CLOSE.tooLarge, 'presence_too_large')
    const { entries, fresh, notTheirs } = this.screen(peer, update)
    const introduced = (this.introduced.get(peer) ?? 0) + fresh
    if (introduced > this.limits.idsPerConnection)
      throw new PresenceRefused(CLOSE.rateLimited, 'too_many_presences')
    this.introduced.set(peer, introduced)
    if (entries.length > 0)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(entries), peer)
    return { notTheirs }
  }

  /** Removes the presence a leaving connection published. */
  forget(peer: Peer): void {
    if (peer.awarenessIds.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
    const meta = this.awareness.meta
    if (meta.size <= MAX_REMEMBERED) return
    for (const id of meta.keys()) if (!this.awareness.states.has(id)) meta.delete(id)
  }

  destroy(): void {
    if (this.renewalTimer) clearTimeout(this.renewalTimer)
    this.awareness.off('change', this.onChange)
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /**
   * Reads the whole update before anything is applied (y-protocols applies entry by entry and would keep the first
   * entries of a message that breaks further on). Drops the removal of a presence the room never had: clients
   * echo such removals after a restart, and y-protocols would remember each id forever. Counts the new presences.
   * A connection speaks only for itself: it may not change or remove a presence another connection holds, and the
   * person it shows must be the one its credential names (a projector shows nobody), so that no one can appear as
   * someone else in the list of who is here or as typing in a card.
   */
  private screen(
    peer: Peer,
    update: Uint8Array,
  ): { entries: PresenceEntry[]; fresh: number; notTheirs: number } {
    const decoder = decoding.createDecoder(update)
    const entries: PresenceEntry[] = []
    const fresh = new Set<number>()
    let notTheirs = 0
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const entry = {
        clientId: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
        state: decoding.readVarString(decoder),
      }
      const state: unknown = JSON.parse(entry.state)
      // The same person on a new connection takes their presence over: a laptop back on the network reconnects
      // before the server has noticed that its old socket is gone.
      const holder = this.holders.get(entry.clientId)
      const heldByOther =
        holder !== undefined &&
        holder !== peer &&
        (holder.participantId !== peer.participantId || holder.role !== peer.role)
      if (heldByOther || (state !== null && !showsOwnPerson(state, peer))) {
        notTheirs++
        continue
      }
      const known = this.awareness.meta.has(entry.clientId)
      if (state === null && !known) continue
      if (!known) fresh.add(entry.clientId)
      entries.push(entry)
      // Enough to refuse: no need to read the rest.
      if (fresh.size > this.limits.idsPerConnection) break
    }
    return { entries, fresh: fresh.size, notTheirs }
  }

  // Emitted by y-protocols just before 'update', for the same message, with only what really changed.
  private readonly onChange = ({ added, updated, removed }: AwarenessChanges): void => {
    this.changed = new Set([...added, ...updated, ...removed])
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChanges, origin: unknown): void => {
    const peer =
      origin !== null && typeof origin === 'object' && 'awarenessIds' in origin ? (origin as Peer) : null
    if (peer) {
      for (const id of [...added, ...updated]) {
        const before = this.holders.get(id)
        if (before === peer) continue
        // Taken over: the old connection must not take it away when it finally closes.
        before?.awarenessIds.delete(id)
        this.holders.set(id, peer)
        peer.awarenessIds.add(id)
      }
    }
    // Removed by its connection, by the server when a connection left, or by y-protocols after 30 s of silence.
    for (const id of removed) {
      this.holders.get(id)?.awarenessIds.delete(id)
      this.holders.delete(id)
    }
    const changed = this.changed
    this.changed = new Set()
    for (const id of [...added, ...updated, ...removed]) {
      if (changed.has(id)) this.renewals.delete(id)
      else this.renewals.add(id)
    }
    if (changed.size > 0) this.relay(changed)
    else this.renewalTimer ??= setTimeout(() => this.relay(new Set()), RENEWAL_RELAY_MS).unref()
  }

  /** Sends `changed` and every renewal waiting, in one message. */
  private relay(changed: ReadonlySet<number>): void {
    if (this.renewalTimer) clearTimeout(this.renewalTimer)
    this.renewalTimer = null
    const ids = [...changed, ...this.renewals]
    this.renewals.clear()
    // Everyone, the sender included: a lone client's provider treats 30 s of silence as a dead connection.
    if (ids.length > 0) this.broadcast(encodeAwareness(this.awareness, ids))
  }
}
