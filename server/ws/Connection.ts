import type { Duplex } from 'node:stream'
import WebSocket from 'ws'
import type { Role } from '../../shared/schema'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { Peer } from '../rooms/bus'
import { type FrameWriter, writeChunks } from './frames'
import type { Outbox } from './outbox'

export interface ConnectionOptions {
  log: Logger
  metrics: Metrics
  /** A client that reads too slowly to keep up gets dropped rather than buffering without end. */
  maxBufferedBytes: number
  /** Shared by the connections of one server, so that a broadcast frames its message once. */
  frames: FrameWriter
  /** Shared too: what a connection is sent while handling one event leaves in one write. */
  outbox: Outbox
}

/**
 * A websocket seen as a room peer. Messages go to its socket as whole frames, beside ws rather than through it. That
 * keeps every frame whole and in order because ws, as this server uses it, writes each of its own frames (pings,
 * pongs, the close) to the socket as soon as it is asked to: it would hold frames back only to compress them
 * (compression is off), to read a Blob, or between the fragments of a message sent in parts, and nothing here sends
 * either through ws. `ws.bufferedAmount` counts the frames written here too. Frames wait in the connection until the
 * event that sent them is done (see Outbox): several then leave in one write, and the client wakes up once for them.
 */
export class Connection implements Peer {
  readonly awarenessIds = new Set<number>()
  private closing = false
  /** Frames sent during the current event, written when it is done. */
  private queued: Uint8Array[] = []

  constructor(
    readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly workshopId: string,
    readonly participantId: string,
    readonly role: Role,
    private readonly options: ConnectionOptions,
  ) {}

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === WebSocket.OPEN
  }

  send(message: Uint8Array): void {
    // ws marks itself closing before it ends its socket, but a write after the end would be an error event rather
    // than the quiet no-op of ws.send: checked here as well.
    if (!this.isOpen || !this.socket.writable) return
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
    if (this.queued.length === 0) this.options.outbox.add(this)
    this.options.frames.append(this.queued, message)
  }

  /** Writes the frames queued since the last flush, unless the socket is closing (ws wrote its close frame). */
  flush(): void {
    const chunks = this.queued
    if (chunks.length === 0) return
    this.queued = []
    if (!this.isOpen || !this.socket.writable) return
    // No callback: a failed write errors the socket, which ws then closes; a callback per message only costs.
    writeChunks(this.socket, chunks)
  }

  /** A write threw (the Outbox caught it): what could not be written is lost, so the client must sync again. */
  fail(error: unknown): void {
    this.options.log.error('connection_write_failed', {
      workshopId: this.workshopId,
      participantId: this.participantId,
      error,
    })
    this.closing = true
    this.ws.terminate()
  }

  close(code: number, reason: string): void {
    if (this.closing) return
    // What this connection was sent before it was closed goes out before the close frame.
    this.flush()
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
