import type { Metrics } from '../metrics'
import type { DocStore } from './types'

/** The same store, with the time each append takes to reach the disk recorded for /metrics. */
export function timedDocStore(docs: DocStore, metrics: Metrics): DocStore {
  return {
    load: (workshopId) => docs.load(workshopId),
    async append(workshopId, updates) {
      const started = process.hrtime.bigint()
      try {
        return await docs.append(workshopId, updates)
      } finally {
        metrics.persist.observe(Number(process.hrtime.bigint() - started) / 1e9)
      }
    },
    replace: (workshopId, snapshot, uptoSeq) => docs.replace(workshopId, snapshot, uptoSeq),
    count: (workshopId) => docs.count(workshopId),
  }
}
