import { presenceColor } from '../../shared/protocol'
import { connectWorkshop } from '../sync/workshopSync'
import { bindDoc } from './binding'
import type { Session } from './slices/session'
import { resetStore, useLoupeStore } from './store'

export interface OpenWorkshopOptions {
  /** Keep a local copy in IndexedDB (on in browsers). */
  persist?: boolean
  /** The server's http(s) origin, the page's own by default. */
  origin?: string
}

/**
 * Opens the live workshop for this session: connects, mirrors the document into the store, follows the connection
 * status, and rebinds when the document is rebuilt after a refusal. Returns the function that closes it all.
 */
export function openWorkshop(session: Session, options: OpenWorkshopOptions = {}): () => void {
  resetStore()
  const sync = connectWorkshop({
    workshopId: session.workshopId,
    token: session.token,
    user: {
      id: session.participantId,
      name: session.name,
      centre: session.centre,
      role: session.role,
      color: presenceColor(session.participantId),
    },
    ...(options.persist !== undefined ? { persist: options.persist } : {}),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  })
  useLoupeStore.setState({ session, connection: sync.status })
  let unbind = bindDoc(sync.doc, sync.awareness)
  const unsubscribe = sync.subscribe((change) => {
    if (change === 'doc') {
      unbind()
      unbind = bindDoc(sync.doc, sync.awareness)
    }
    useLoupeStore.setState({ connection: sync.status, resyncs: sync.resyncs })
  })
  return () => {
    unsubscribe()
    unbind()
    sync.destroy()
    resetStore()
  }
}
