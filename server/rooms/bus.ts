import type { Role } from '../../shared/schema'

/** One connected client as a room sees it; the websocket layer implements it. */
export interface Peer {
  readonly role: Role
  readonly participantId: string
  /** False as soon as the server decided to close it, before the socket finishes closing. */
  readonly isOpen: boolean
  /** Awareness client ids this connection published, removed for everyone when it leaves. */
  readonly awarenessIds: Set<number>
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/**
 * Fan-out of a room's messages to its connections. In-process today; a Redis-backed bus can later deliver the
 * same messages to connections held by other server processes.
 */
export interface RoomBus {
  join(workshopId: string, peer: Peer): void
  leave(workshopId: string, peer: Peer): void
  peers(workshopId: string): ReadonlySet<Peer>
  /** Sends to every open connection of the room except `except`. */
  broadcast(workshopId: string, message: Uint8Array, except: Peer | null): void
}

const NO_PEERS: ReadonlySet<Peer> = new Set()

/** The bus for a single server process. */
export class InProcessBus implements RoomBus {
  private readonly rooms = new Map<string, Set<Peer>>()

  join(workshopId: string, peer: Peer): void {
    let peers = this.rooms.get(workshopId)
    if (!peers) this.rooms.set(workshopId, (peers = new Set()))
    peers.add(peer)
  }

  leave(workshopId: string, peer: Peer): void {
    const peers = this.rooms.get(workshopId)
    if (!peers) return
    peers.delete(peer)
    if (peers.size === 0) this.rooms.delete(workshopId)
  }

  peers(workshopId: string): ReadonlySet<Peer> {
    return this.rooms.get(workshopId) ?? NO_PEERS
  }

  broadcast(workshopId: string, message: Uint8Array, except: Peer | null): void {
    // A Buffer goes to the socket as it is; a plain Uint8Array would be wrapped again for every peer.
    const data = Buffer.isBuffer(message)
      ? message
      : Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    for (const peer of this.peers(workshopId)) if (peer !== except && peer.isOpen) peer.send(data)
  }
}
