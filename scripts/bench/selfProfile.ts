import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

/**
 * BENCH_PROFILE_LOAD=DIR: a load process profiles itself during each step (not its set-up), to tell whether the
 * load generator, rather than the server, holds the numbers back.
 */
export async function startProfiling(): Promise<{ stop(): Promise<void> } | null> {
  const dir = process.env.BENCH_PROFILE_LOAD
  if (!dir) return null
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  if (process.env.BENCH_HEAP)
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
  return {
    async stop() {
      if (process.env.BENCH_HEAP) {
        const { profile: heap } = await session.post('HeapProfiler.stopSampling')
        writeFileSync(join(dir, `load-${process.pid}.heapprofile`), JSON.stringify(heap))
      }
      const { profile } = await session.post('Profiler.stop')
      writeFileSync(join(dir, `load-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(profile))
      session.disconnect()
    },
  }
}
