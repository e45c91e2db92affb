import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createCommandHandler } from './commands/index'
import { createRequestHandler } from './http/handler'
import { addExportRoutes } from './http/routes/exports'
import { addHealthRoutes } from './http/routes/health'
import { addWorkshopRoutes } from './http/routes/workshops'
import { Router } from './http/router'
import { createStaticHandler } from './http/static'
import { createLogger, type Logger, type LogLevel } from './log'
import { openSqliteStorage } from './persistence/sqlite'
import type { Storage } from './persistence/types'
import type { CheckUpdate } from './referee/index'
import { checkUpdate as defaultCheckUpdate } from './referee/checkUpdate'
import { InProcessBus } from './rooms/bus'
import { RoomManager } from './rooms/RoomManager'
import { createSocketServer } from './ws/socketServer'

/** Where `npm run build` puts the web app. */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url))

export interface ServerOptions {
  port: number
  host?: string | undefined
  dataDir: string
  /** The built web app; null serves the API only. Defaults to dist/client. */
  clientDir?: string | null
  logLevel?: LogLevel
  /** Where log lines go (stderr by default). */
  logWrite?: (line: string) => void
  /** Wrong or unknown join codes one address may try per minute before getting 429. */
  codeGuessesPerMinute?: number
  /** Websocket ping interval (30 s by default). */
  keepaliveMs?: number
  /** Storage to use instead of DATA_DIR/loupe.sqlite (another backend, or a test's wrapper). */
  storage?: Storage
  /** The referee; tests of the pipeline may pass another one. */
  checkUpdate?: CheckUpdate
}

export interface RunningServer {
  url: string
  port: number
  rooms: RoomManager
  storage: Storage
  http: Server
  log: Logger
  /** Stops accepting, closes sockets with 1001, stores everything pending and releases the database. */
  close(): Promise<void>
}

/** Starts Loupe: HTTP API, web app and websocket sync on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createLogger(options.logLevel ?? 'warn', options.logWrite)
  const storage = options.storage ?? openSqliteStorage(options.dataDir)
  const rooms = new RoomManager({
    docs: storage.docs,
    bus: new InProcessBus(),
    log,
    checkUpdate: options.checkUpdate ?? defaultCheckUpdate,
  })
  const services = { registry: storage.registry, docs: storage.docs, rooms }

  const router = new Router()
  addHealthRoutes(router, rooms)
  addWorkshopRoutes(router, services, options.codeGuessesPerMinute ?? 30)
  addExportRoutes(router, services)
  const clientDir = options.clientDir === undefined ? DEFAULT_CLIENT_DIR : options.clientDir
  const http = createServer(createRequestHandler(router, createStaticHandler(clientDir), log))
  const commands = createCommandHandler({ registry: storage.registry, votes: storage.votes, log })
  const sockets = createSocketServer({
    registry: storage.registry,
    rooms,
    commands,
    log,
    keepaliveMs: options.keepaliveMs ?? 30_000,
  })
  http.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head))
  http.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const port = (http.address() as AddressInfo).port
  const url = `http://${urlHost(options.host)}:${port}`
  log.info('server_started', { url, dataDir: options.dataDir })

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      // Rooms first: their connections get 1001 once what they sent is stored.
      await rooms.closeAll()
      await sockets.close()
      http.closeAllConnections()
      await httpClosed
      await storage.close()
      log.info('server_stopped', {})
    })())

  return { url, port, rooms, storage, http, log, close }
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
