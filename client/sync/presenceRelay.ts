import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * y-websocket's provider sends the server every presence change it hears of, everyone's as well as its own: in a
 * room of thirty, each presence message then comes back from twenty-nine laptops. This device only needs to send its
 * own presence (set, renewed, re-asserted after someone removed it, or withdrawn); the server relays the others'.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const sendAll = provider._awarenessUpdateHandler
  awareness.off('update', sendAll)
  // Replaced on the provider too, so that its destroy() unsubscribes this one.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const own = awareness.clientID
    if (added.includes(own) || updated.includes(own) || removed.includes(own))
      sendAll({ added: [], updated: [own], removed: [] }, origin)
  }
  awareness.on('update', provider._awarenessUpdateHandler)
}
