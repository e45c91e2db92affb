import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createCommandHandler } from './commands/index'
import { createRequestHandler } from './http/handler'
import { addressReader } from './http/clientAddress'
import { RequestLimits } from './http/requestLimits'
import { requestUrl } from './http/requestUrl'
import { rawErrorResponse } from './http/respond'
import { addExportRoutes } from './http/routes/exports'
import { addHealthRoutes } from './http/routes/health'
import { addMetricsRoutes } from './http/routes/metrics'
import { addWorkshopRoutes } from './http/routes/workshops'
import { Router } from './http/router'
import { createStaticHandler } from './http/static'
import { DEFAULT_LIMITS, type ServerLimits } from './limits'
import { createLogger, type Logger, type LogLevel } from './log'
import { Metrics } from './metrics'
import { openSqliteStorage } from './persistence/sqlite'
import { timedDocStore } from './persistence/timedDocStore'
import type { Storage } from './persistence/types'
import type { CheckUpdate } from './referee/index'
import { checkUpdate as defaultCheckUpdate } from './referee/checkUpdate'
import { InProcessBus } from './rooms/bus'
import { RoomManager } from './rooms/RoomManager'
import { createSocketServer } from './ws/socketServer'

/**
 * Where `npm run build` puts the web app: dist/client, seen from the server's source (server/) or from its build
 * (dist/server/).
 */
export const DEFAULT_CLIENT_DIR = fileURLToPath(
  new URL(import.meta.url.includes('/dist/server/') ? '../client' : '../dist/client', import.meta.url),
)

export interface ServerOptions {
  port: number
  host?: string | undefined
  dataDir: string
  /** The built web app; null serves the API only. Defaults to dist/client. */
  clientDir?: string | null
  logLevel?: LogLevel
  /** Where log lines go (stderr by default). */
  logWrite?: (line: string) => void
  /** What one client may ask of the server (server/limits.ts); unset fields take the defaults. */
  limits?: Partial<ServerLimits>
  /** Same as `limits.wrongCodesPerMinutePerAddress`. */
  codeGuessesPerMinute?: number
  /** Websocket ping interval (30 s by default). */
  keepaliveMs?: number
  /** Storage to use instead of DATA_DIR/loupe.sqlite (another backend, or a test's wrapper). */
  storage?: Storage
  /** The referee; tests of the pipeline may pass another one. */
  checkUpdate?: CheckUpdate
  /** How often a room voting at once gets its voter count written (100 ms by default; tests may lengthen it). */
  voterCountEveryMs?: number
  /**
   * Behind a reverse proxy (TRUST_PROXY=1): per-address limits count the address the proxy appended to
   * X-Forwarded-For rather than the proxy's own. Off by default: anyone can write that header.
   */
  trustProxy?: boolean
}

export interface RunningServer {
  url: string
  port: number
  rooms: RoomManager
  storage: Storage
  http: Server
  log: Logger
  metrics: Metrics
  limits: ServerLimits
  /** Stops accepting, closes sockets with 1001, stores everything pending and releases the database. */
  close(): Promise<void>
}

/** Starts Loupe: HTTP API, web app and websocket sync on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createLogger(options.logLevel ?? 'warn', options.logWrite)
  const limits: ServerLimits = {
    ...DEFAULT_LIMITS,
    ...(options.codeGuessesPerMinute === undefined
      ? {}
      : { wrongCodesPerMinutePerAddress: options.codeGuessesPerMinute }),
    ...options.limits,
  }
  const metrics = new Metrics()
  const storage = options.storage ?? openSqliteStorage(options.dataDir, { log })
  const docs = timedDocStore(storage.docs, metrics)
  const rooms = new RoomManager({
    docs,
    bus: new InProcessBus(),
    log,
    checkUpdate: options.checkUpdate ?? defaultCheckUpdate,
    metrics,
    limits,
  })
  const services = { registry: storage.registry, docs, rooms }

  const router = new Router()
  addHealthRoutes(router, rooms)
  addMetricsRoutes(router, metrics, rooms, limits)
  const addressOf = addressReader({ trustProxy: options.trustProxy ?? false })
  const requestLimits = new RequestLimits(limits, metrics, addressOf)
  addWorkshopRoutes(router, services, requestLimits)
  addExportRoutes(router, services)
  requestLimits.limitCreations(router)
  const clientDir = options.clientDir === undefined ? DEFAULT_CLIENT_DIR : options.clientDir
  const http = createServer(createRequestHandler(router, createStaticHandler(clientDir), log, metrics))
  const commands = createCommandHandler({
    registry: storage.registry,
    votes: storage.votes,
    log,
    voterCountEveryMs: options.voterCountEveryMs,
  })
  const sockets = createSocketServer({
    registry: storage.registry,
    rooms,
    commands,
    log,
    metrics,
    limits,
    keepaliveMs: options.keepaliveMs ?? 30_000,
    addressOf,
  })
  http.on('upgrade', (req, socket, head) => {
    // An exception here would escape to the process and stop every workshop: it stays with this socket.
    try {
      sockets.handleUpgrade(req, socket, head)
    } catch (error) {
      log.error('upgrade_failed', { path: requestUrl(req.url).pathname, error })
      socket.destroy()
    }
  })
  http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy()
    socket.end(
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawErrorResponse(
            431,
            'Request Header Fields Too Large',
            'too_large',
            'The request headers are too large.',
          )
        : rawErrorResponse(400, 'Bad Request', 'invalid_input', 'The request could not be read.'),
    )
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
      metrics.stop()
      log.info('server_stopped', {})
    })())

  return { url, port, rooms, storage, http, log, metrics, limits, close }
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
