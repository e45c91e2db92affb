import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Moves SQLite's WAL checkpoints off the server's event loop. A checkpoint copies the log back into the database
 * and waits for the disk (fsync): about 10 ms on a quiet machine, far more on a busy one, every thousand pages or
 * so. Run by the writing connection, it would stall every workshop's relay that long. Here a worker thread with its
 * own connection runs them (PASSIVE: never in the writer's way), and the main connection no longer does.
 */

/** How often the worker copies the log back, in ms. */
export const CHECKPOINT_INTERVAL_MS = 1000

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
// It only copies the log back: no need for the default 2 MB page cache.
db.pragma('cache_size = -256')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message || error) })
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  process.exit(0)
})
`

export interface Checkpointer {
  /** Stops the worker (the caller checkpoints one last time on close). */
  stop(): Promise<void>
}

/**
 * Starts checkpointing `file` from a worker. `onFailure` hears of a worker that could not start or failed: the
 * caller then gives checkpoints back to its own connection, so the log never grows without bound.
 */
export function startCheckpointer(
  file: string,
  onFailure: (error: unknown) => void,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs },
    // A timer and one pragma: a small heap is plenty, and the server's memory is measured against the reference's.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
  })
  let stopped = false
  // A worker must never keep the process alive on its own.
  worker.unref()
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) onFailure(new Error(message.failed))
  })
  worker.on('error', (error) => {
    if (!stopped) onFailure(error)
  })
  worker.on('exit', (code) => {
    if (!stopped && code !== 0) onFailure(new Error(`checkpoint worker exited with code ${code}`))
  })
  return {
    async stop() {
      if (stopped) return
      stopped = true
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      // Held again while stopping: whoever awaits the stop must not see the process end first.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
