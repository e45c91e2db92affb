import { resolve } from 'node:path'
import { startServer } from './app'
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

const server = await startServer({ port, host, dataDir: resolve(dataDir), logLevel })
// The default log level is quiet, so say plainly where to go.
process.stdout.write(`Loupe: http://localhost:${server.port} (data in ${dataDir})\n`)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  server.log.info('server_stopping', { signal })
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
