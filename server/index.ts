import { resolve } from 'node:path'
import { startServer } from './app'
import { limitsFromEnv, type ServerLimits } from './limits'
import { isLogLevel } from './log'

/** Entry point: reads the environment, starts the server, and shuts down cleanly on SIGTERM / SIGINT. */

const port = Number(process.env.PORT ?? 1234)
const host = process.env.HOST || undefined
const dataDir = process.env.DATA_DIR || './data'
const logLevel = isLogLevel(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'warn'

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Loupe: PORT must be a port number, not "${process.env.PORT}"\n`)
  process.exit(1)
}

const trustProxyValue = (process.env.TRUST_PROXY ?? '').toLowerCase()
if (!['', '0', '1', 'true', 'false'].includes(trustProxyValue)) {
  process.stderr.write(`Loupe: TRUST_PROXY must be 1 or 0, not "${process.env.TRUST_PROXY}"\n`)
  process.exit(1)
}
const trustProxy = trustProxyValue === '1' || trustProxyValue === 'true'

let limits: Partial<ServerLimits>
try {
  limits = limitsFromEnv(process.env)
} catch (error) {
  process.stderr.write(`Loupe: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

/** A stop that hangs (a client that never lets go, a stuck disk) must not keep the process from exiting. */
const STOP_TIMEOUT_MS = 10_000

const server = await startServer({ port, host, dataDir: resolve(dataDir), logLevel, limits, trustProxy })
// The default log level is quiet, so say plainly where to go.
process.stdout.write(`Loupe: http://localhost:${server.port} (data in ${dataDir})\n`)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  server.log.info('server_stopping', { signal })
  setTimeout(() => {
    server.log.error('server_stop_timeout', { afterMs: STOP_TIMEOUT_MS })
    process.exit(1)
  }, STOP_TIMEOUT_MS).unref()
  try {
    await server.close()
    process.exit(0)
  } catch (error) {
    server.log.error('server_stop_failed', { error })
    process.exit(1)
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
