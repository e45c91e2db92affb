import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'

/**
 * Tells whether a slow delivery measures the server or the load generator: a load process holds the sender and
 * every receiver of its workshops, so a garbage-collection pause in it delays every edit in flight there, whatever
 * the server does. Pauses are on the `performance.now()` clock the deliveries are timed with.
 */

/** Deliveries slower than this are kept, with their send and arrival times, to be matched against pauses. */
export const SLOW_DELIVERY_MS = 15

export interface Pause {
  start: number
  end: number
}

export interface PauseReport {
  pauses: number
  /** Sum of every pause, ms. */
  pausedMs: number
  longestMs: number
  slowDeliveries: number
  /** Slow deliveries during whose flight the load process was paused in GC for at least `SLOW_DELIVERY_MS / 3`. */
  slowDuringPause: number
}

/**
 * Milliseconds of `pauses` (sorted by start, not overlapping) that fall inside [from, to].
 * Example: pausedWithin([{ start: 0, end: 10 }, { start: 20, end: 30 }], 5, 25) === 10
 */
export function pausedWithin(pauses: readonly Pause[], from: number, to: number): number {
  // Binary search for the first pause that ends after `from`: a step holds thousands of pauses.
  let lo = 0
  let hi = pauses.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((pauses[mid]?.end ?? 0) <= from) lo = mid + 1
    else hi = mid
  }
  let paused = 0
  for (let i = lo; i < pauses.length; i++) {
    const pause = pauses[i]
    if (!pause || pause.start >= to) break
    paused += Math.min(to, pause.end) - Math.max(from, pause.start)
  }
  return paused
}

/** Matches slow deliveries (pairs of sent, arrived in `flights`) against the pauses. */
export function reportPauses(pauses: readonly Pause[], flights: readonly number[]): PauseReport {
  let slowDuringPause = 0
  for (let i = 0; i + 1 < flights.length; i += 2) {
    const sent = flights[i] ?? 0
    const arrived = flights[i + 1] ?? 0
    if (pausedWithin(pauses, sent, arrived) >= SLOW_DELIVERY_MS / 3) slowDuringPause++
  }
  return {
    pauses: pauses.length,
    pausedMs: pauses.reduce((n, p) => n + p.end - p.start, 0),
    longestMs: pauses.reduce((n, p) => Math.max(n, p.end - p.start), 0),
    slowDeliveries: Math.floor(flights.length / 2),
    slowDuringPause,
  }
}

/** Records this process's GC pauses until `stop()`, which returns them in order. */
export function watchPauses(): { stop(): Pause[] } {
  const pauses: Pause[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEntry[])
      pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  return {
    stop() {
      // Entries still buffered in the observer are delivered by takeRecords.
      for (const entry of observer.takeRecords())
        pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration })
      observer.disconnect()
      return pauses.sort((a, b) => a.start - b.start)
    },
  }
}
