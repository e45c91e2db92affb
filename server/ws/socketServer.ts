import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { CLOSE, MAX_MESSAGE_BYTES, WS_PATH } from '../../shared/protocol'
import type { Role } from '../../shared/schema'
import { identify } from '../auth'
import type { CommandHandler } from '../commands/index'
import { addressReader, type AddressOf } from '../http/clientAddress'
import { requestUrl } from '../http/requestUrl'
import { rawErrorResponse } from '../http/respond'
import type { ServerLimits } from '../limits'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { WorkshopRegistry } from '../persistence/types'
import { PresenceRefused } from '../rooms/presence'
import type { Room } from '../rooms/Room'
import { ShuttingDown, type RoomManager } from '../rooms/RoomManager'
import { decodeClientMessage, inspectUpdate } from '../rooms/messages'
import { AddressCounter } from './addressCounter'
import { Connection, closeSocket } from './Connection'
import { FrameWriter } from './frames'
import { Outbox } from './outbox'
import { startKeepalive } from './keepalive'
import { TokenBucket } from './tokenBucket'

/** Messages a client may send before its room is ready; y-websocket sends two. */
const MAX_EARLY_MESSAGES = 64

export interface SocketServerDeps {
  registry: WorkshopRegistry
  rooms: RoomManager
  commands: CommandHandler
  log: Logger
  metrics: Metrics
  limits: Pick<
    ServerLimits,
    'messageBurst' | 'messagesPerSecond' | 'connectionsPerAddress' | 'maxBufferedBytes'
  >
  /** How often to ping; a socket that has not answered the previous ping by then is dropped. */
  keepaliveMs?: number
  /** The address a connection counts under for `connectionsPerAddress` (the socket's own by default). */
  addressOf?: AddressOf
}

export interface SocketServer {
  /** Takes over an HTTP upgrade request for /ws/<workshopId>. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every socket with 1001 and stops the keepalive. */
  close(): Promise<void>
}

/** The websocket side: authenticates, attaches each socket to its room, and keeps dead sockets from lingering. */
export function createSocketServer(deps: SocketServerDeps): SocketServer {
  const { registry, rooms, commands, log, metrics, limits, keepaliveMs = 30_000 } = deps
  const addressOf = deps.addressOf ?? addressReader({ trustProxy: false })
  // No compression (ws's default, said here because Connection relies on it: see there).
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  })
  const perAddress = new AddressCounter()
  const frames = new FrameWriter()
  const outbox = new Outbox()

  /** Closes a socket for going over a limit, counted for /metrics. */
  function limited(ws: WebSocket, code: number, reason: string, metric: string): void {
    metrics.limitedCloses.inc(metric)
    closeSocket(ws, code, reason)
  }

  const keepalive = startKeepalive(keepaliveMs, (ws) => {
    log.info('socket_dead', {})
    ws.terminate()
  })

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // For the socket's whole life, before ws takes it over (a refused upgrade) as after: an 'error' event with no
    // listener would bring the process down.
    socket.on('error', () => socket.destroy())
    const url = requestUrl(req.url)
    const match = new RegExp(`^${WS_PATH}/([^/]+)$`).exec(url.pathname)
    const workshopId = match?.[1] ? safeDecode(match[1]) : null
    if (!workshopId) {
      socket.end(rawErrorResponse(404, 'Not Found', 'not_found', 'Websockets open at /ws/<workshop id>.'))
      return
    }
    const token = url.searchParams.get('token')
    // Any credential may watch as the projector: a read-only downgrade is always safe.
    const asProjector = url.searchParams.get('as') === 'projector'
    const address = addressOf(req)
    wss.handleUpgrade(req, socket, head, (ws) => {
      keepalive.watch(ws)
      // Accepted, then closed with a reason the client can act on (a refused upgrade only says "1006").
      if (perAddress.count(address) >= limits.connectionsPerAddress) {
        log.info('socket_refused', { workshopId, reason: 'too_many_connections' })
        return limited(ws, CLOSE.rateLimited, 'too many connections', 'too_many_connections')
      }
      perAddress.add(address)
      ws.once('close', () => perAddress.remove(address))
      void serve(ws, socket, workshopId, token, asProjector)
    })
  }

  async function serve(
    ws: WebSocket,
    socket: Duplex,
    workshopId: string,
    token: string | null,
    asProjector: boolean,
  ) {
    let connection: Connection | null = null
    let room: Room | null = null
    let closed = false
    const early: Array<{ data: RawData; isBinary: boolean }> = []
    const bucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond)

    ws.on('error', (error) => log.debug('socket_error', { workshopId, error: error.message }))
    ws.on('close', () => {
      closed = true
      if (room && connection) room.removePeer(connection)
    })
    ws.on('message', (data, isBinary) => {
      metrics.received(byteLength(data))
      if (closed || ws.readyState !== ws.OPEN) return
      if (!bucket.take()) {
        log.info('socket_rate_limited', { workshopId, participantId: connection?.participantId })
        metrics.limitedCloses.inc('too_many_messages')
        // Through the connection when there is one, so that the room stops sending to it at once.
        if (connection) return connection.close(CLOSE.rateLimited, 'too many messages')
        return closeSocket(ws, CLOSE.rateLimited, 'too many messages')
      }
      if (room && connection) return receive(room, connection, data, isBinary)
      if (early.length >= MAX_EARLY_MESSAGES)
        limited(ws, CLOSE.rateLimited, 'too many messages', 'too_many_messages')
      else early.push({ data, isBinary })
    })

    try {
      if (!(await registry.findWorkshop(workshopId)))
        return closeSocket(ws, CLOSE.notFound, 'unknown workshop')
      const identity = await identify(registry, workshopId, token)
      if (!identity.ok) {
        log.info('socket_refused', { workshopId, reason: identity.reason })
        const code = identity.reason === 'removed' ? CLOSE.removed : CLOSE.unauthorized
        return closeSocket(ws, code, identity.reason)
      }
      const role: Role = asProjector ? 'projector' : identity.role
      connection = new Connection(ws, socket, workshopId, identity.credential.participant.id, role, {
        log,
        metrics,
        maxBufferedBytes: limits.maxBufferedBytes,
        frames,
        outbox,
      })
      if (closed) return
      const attached = await rooms.attach(workshopId, connection)
      if (closed) return attached.removePeer(connection)
      // Removed while this socket was being let in: the removal closed the room's sockets, not this one yet.
      const still = await identify(registry, workshopId, token)
      if (!still.ok) {
        attached.removePeer(connection)
        return connection.close(still.reason === 'removed' ? CLOSE.removed : CLOSE.unauthorized, still.reason)
      }
      room = attached
      log.debug('socket_attached', { workshopId, participantId: connection.participantId, role })
      for (const { data, isBinary } of early.splice(0)) receive(attached, connection, data, isBinary)
    } catch (error) {
      if (error instanceof ShuttingDown) return closeSocket(ws, CLOSE.shuttingDown, 'server shutting down')
      log.warn('socket_unavailable', { workshopId, error })
      closeSocket(ws, CLOSE.unavailable, 'workshop unavailable')
    }
  }

  function receive(room: Room, connection: Connection, data: RawData, isBinary: boolean): void {
    if (!connection.isOpen || room.gone) return
    try {
      if (!isBinary) throw new Error('text frame')
      const message = decodeClientMessage(toBytes(data))
      switch (message.kind) {
        case 'syncStep1':
          return room.receiveSyncStep1(connection, message.stateVector)
        case 'update':
          if (!inspectUpdate(message.update).empty) room.receiveUpdate(connection, message.update)
          return
        case 'awareness': {
          const { notTheirs } = room.presence.receive(connection, message.update)
          if (notTheirs > 0) {
            const { workshopId, participantId } = connection
            log.info('presence_not_theirs', { workshopId, participantId, entries: notTheirs })
          }
          return
        }
        case 'queryAwareness': {
          const presence = room.presence.snapshot()
          if (presence) connection.send(presence)
          return
        }
        case 'command':
          return commands.handle(room, connection, message.json)
      }
    } catch (error) {
      if (error instanceof PresenceRefused) {
        const { workshopId, participantId } = connection
        log.info('presence_refused', { workshopId, participantId, reason: error.reason })
        metrics.limitedCloses.inc(error.reason)
        return connection.close(error.code, error.reason.replace(/_/g, ' '))
      }
      log.warn('message_malformed', {
        workshopId: connection.workshopId,
        participantId: connection.participantId,
        error: error instanceof Error ? error.message : String(error),
      })
      connection.close(CLOSE.malformed, 'malformed message')
    }
  }

  return {
    handleUpgrade,
    async close() {
      keepalive.stop()
      for (const ws of wss.clients) closeSocket(ws, CLOSE.shuttingDown, 'server shutting down')
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, chunk) => sum + chunk.byteLength, 0) : data.byteLength
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
