import { presenceColor } from '../../shared/protocol'
import { openCommandChannel, type CommandChannel, type CommandSender } from '../sync/commands'
import { connectWorkshop, type WorkshopSync } from '../sync/workshopSync'
import { bindDoc } from './binding'
import { setCommandSender } from './commandLink'
import type { Session } from './slices/session'
import { resetStore, useLoupeStore } from './store'

export interface OpenWorkshopOptions {
  /** Keep a local copy in IndexedDB (on in browsers; never for the projector, which only watches). */
  persist?: boolean
  /** The server's http(s) origin, the page's own by default. */
  origin?: string
}

/** Opens the commands channel on the connection's current provider and feeds its ballots and clock to the store. */
function openChannel(sync: WorkshopSync, session: Session): CommandChannel {
  const channel = openCommandChannel(sync.provider, {
    onBallot: ({ roundId, ballot }) => useLoupeStore.setState({ vote: { roundId, ballot } }),
    onClock: ({ offset }) => useLoupeStore.setState({ clockOffset: offset }),
    // The server sends a ballot when a round opens; after a reconnection this person asks for theirs.
    ...(session.role === 'projector'
      ? {}
      : { onConnect: (send: CommandSender) => void send({ type: 'ballot.get' }).catch(() => undefined) }),
  })
  setCommandSender(channel.send)
  return channel
}

/**
 * Opens the live workshop for this session: connects, mirrors the document into the store, follows the connection
 * status, carries commands, and rebinds when the document is rebuilt after a refusal. Returns the closing function.
 */
export function openWorkshop(session: Session, options: OpenWorkshopOptions = {}): () => void {
  resetStore()
  const projector = session.role === 'projector'
  const sync = connectWorkshop({
    workshopId: session.workshopId,
    token: session.token,
    user: projector
      ? null
      : {
          id: session.participantId,
          name: session.name,
          centre: session.centre,
          role: session.role,
          color: presenceColor(session.participantId),
        },
    asProjector: projector,
    ...(projector ? { persist: false } : options.persist !== undefined ? { persist: options.persist } : {}),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  })
  useLoupeStore.setState({ session, connection: sync.status })
  let unbind = bindDoc(sync.doc, sync.awareness)
  let channel = openChannel(sync, session)
  const unsubscribe = sync.subscribe((change) => {
    if (change === 'doc') {
      unbind()
      unbind = bindDoc(sync.doc, sync.awareness)
      channel.destroy()
      channel = openChannel(sync, session)
    }
    useLoupeStore.setState({ connection: sync.status, resyncs: sync.resyncs })
  })
  return () => {
    unsubscribe()
    channel.destroy()
    setCommandSender(null)
    unbind()
    sync.destroy()
    resetStore()
  }
}
