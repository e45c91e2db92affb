import WebSocket from 'ws'
import type { Role } from '../../shared/schema'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { Peer } from '../rooms/bus'

export interface ConnectionOptions {
  log: Logger
  metrics: Metrics
  /** A client that reads too slowly to keep up gets dropped rather than buffering without end. */
  maxBufferedBytes: number
}

/** A websocket seen as a room peer. */
export class Connection implements Peer {
  readonly awarenessIds = new Set<number>()
  private closing = false

  constructor(
    readonly ws: WebSocket,
    readonly workshopId: string,
    readonly participantId: string,
    readonly role: Role,
    private readonly options: ConnectionOptions,
  ) {}

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === WebSocket.OPEN
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.log.warn('connection_too_slow', {
        workshopId: this.workshopId,
        participantId: this.participantId,
      })
      this.options.metrics.limitedCloses.inc('too_slow')
      this.closing = true
      // No close frame: it would only queue behind everything the client is not reading.
      this.ws.terminate()
      return
    }
    this.options.metrics.sent(message.byteLength)
    // No callback: a failed write errors the socket, which ws then closes; a callback per message only costs.
    this.ws.send(message)
  }

  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    closeSocket(this.ws, code, reason)
  }
}

/** Closes a socket with a code, and makes sure it goes away even if the other side never answers. */
export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState === WebSocket.CLOSED) return
  try {
    ws.close(code, reason)
  } catch {
    ws.terminate()
    return
  }
  setTimeout(() => {
    if (ws.readyState !== WebSocket.CLOSED) ws.terminate()
  }, 2000).unref()
}
