import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { CLOSE, MAX_MESSAGE_BYTES, WS_PATH } from '../../shared/protocol'
import type { Role } from '../../shared/schema'
import { identify } from '../auth'
import type { CommandHandler } from '../commands/index'
import type { Logger } from '../log'
import type { WorkshopRegistry } from '../persistence/types'
import type { Room } from '../rooms/Room'
import type { RoomManager } from '../rooms/RoomManager'
import { decodeClientMessage, inspectUpdate } from '../rooms/messages'
import { Connection, closeSocket } from './Connection'

/** Messages a client may send before its room is ready; y-websocket sends two. */
const MAX_EARLY_MESSAGES = 64

export interface SocketServerDeps {
  registry: WorkshopRegistry
  rooms: RoomManager
  commands: CommandHandler
  log: Logger
  /** How often to ping; a socket that has not answered the previous ping by then is dropped. */
  keepaliveMs?: number
}

export interface SocketServer {
  /** Takes over an HTTP upgrade request for /ws/<workshopId>. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every socket with 1001 and stops the keepalive. */
  close(): Promise<void>
}

/** The websocket side: authenticates, attaches each socket to its room, and keeps dead sockets from lingering. */
export function createSocketServer({ registry, rooms, commands, log, keepaliveMs = 30_000 }: SocketServerDeps): SocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const alive = new WeakMap<WebSocket, boolean>()

  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        log.info('socket_dead', {})
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, keepaliveMs)
  keepalive.unref()

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = new RegExp(`^${WS_PATH}/([^/]+)$`).exec(url.pathname)
    const workshopId = match?.[1] ? safeDecode(match[1]) : null
    if (!workshopId) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const token = url.searchParams.get('token')
    // Any credential may watch as the projector: a read-only downgrade is always safe.
    const asProjector = url.searchParams.get('as') === 'projector'
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true)
      ws.on('pong', () => alive.set(ws, true))
      void serve(ws, workshopId, token, asProjector)
    })
  }

  async function serve(ws: WebSocket, workshopId: string, token: string | null, asProjector: boolean) {
    let connection: Connection | null = null
    let room: Room | null = null
    let closed = false
    const early: Array<{ data: RawData; isBinary: boolean }> = []

    ws.on('error', (error) => log.debug('socket_error', { workshopId, error: error.message }))
    ws.on('close', () => {
      closed = true
      if (room && connection) room.removePeer(connection)
    })
    ws.on('message', (data, isBinary) => {
      if (room && connection) return receive(room, connection, data, isBinary)
      if (early.length >= MAX_EARLY_MESSAGES) closeSocket(ws, CLOSE.rateLimited, 'too many messages')
      else early.push({ data, isBinary })
    })

    try {
      if (!(await registry.findWorkshop(workshopId))) return closeSocket(ws, CLOSE.notFound, 'unknown workshop')
      const identity = await identify(registry, workshopId, token)
      if (!identity.ok) {
        log.info('socket_refused', { workshopId, reason: identity.reason })
        const code = identity.reason === 'removed' ? CLOSE.removed : CLOSE.unauthorized
        return closeSocket(ws, code, identity.reason)
      }
      const role: Role = asProjector ? 'projector' : identity.role
      connection = new Connection(ws, workshopId, identity.credential.participant.id, role, log)
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
        case 'awareness':
          return room.presence.receive(connection, message.update)
        case 'queryAwareness': {
          const presence = room.presence.snapshot()
          if (presence) connection.send(presence)
          return
        }
        case 'command':
          return commands.handle(room, connection, message.json)
      }
    } catch (error) {
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
      clearInterval(keepalive)
      for (const ws of wss.clients) closeSocket(ws, CLOSE.shuttingDown, 'server shutting down')
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
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
