import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Peer } from './bus'
import { encodeAwareness } from './messages'

/**
 * A room's presence (y-protocols awareness): who is here and what they are editing. Not stored, only relayed;
 * a connection's presence disappears for everyone when it leaves.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness

  constructor(
    doc: Y.Doc,
    private readonly broadcast: (message: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server itself is nobody's presence.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** Everyone's current presence, for a newcomer or a query-awareness message; null when nobody is here. */
  snapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : null
  }

  /** Applies a client's presence update; throws on malformed input. */
  receive(peer: Peer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
  }

  /** Removes the presence a leaving connection published. */
  forget(peer: Peer): void {
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== null && typeof origin === 'object' && 'awarenessIds' in origin) {
      const ids = (origin as Peer).awarenessIds
      for (const id of added) ids.add(id)
      for (const id of removed) ids.delete(id)
    }
    // Everyone, the sender included: a lone client's provider treats 30 s of silence as a dead connection.
    this.broadcast(encodeAwareness(this.awareness, [...added, ...updated, ...removed]))
  }
}
