import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Memory of this process after full garbage collections, for tests that bound what a server keeps. */

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export interface MemorySample {
  heapUsed: number
  /** Memory outside the JavaScript heap that JavaScript objects hold: Buffers, typed arrays. */
  external: number
  rss: number
}

export async function settledMemory(): Promise<MemorySample> {
  for (let i = 0; i < 3; i++) {
    gc()
    // Let finalizers and freed sockets' callbacks run between collections.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const { heapUsed, external, rss } = process.memoryUsage()
  return { heapUsed, external, rss }
}

export const MB = 1024 * 1024
