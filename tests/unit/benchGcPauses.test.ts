import { describe, expect, it } from 'vitest'
import { pausedWithin, reportPauses, SLOW_DELIVERY_MS, watchPauses } from '../../scripts/bench/gcPauses'

const pauses = [
  { start: 0, end: 10 },
  { start: 20, end: 30 },
  { start: 100, end: 140 },
]

describe('bench: GC pauses against slow deliveries', () => {
  it('counts only the part of each pause inside the flight', () => {
    expect(pausedWithin(pauses, 5, 25)).toBe(10)
    expect(pausedWithin(pauses, 10, 20)).toBe(0)
    expect(pausedWithin(pauses, 110, 500)).toBe(30)
    expect(pausedWithin(pauses, -50, 1000)).toBe(60)
    expect(pausedWithin([], 0, 100)).toBe(0)
  })

  it('attributes a slow delivery to GC only when its flight spent enough time paused', () => {
    const threshold = SLOW_DELIVERY_MS / 3
    // Flights as [sent, arrived] pairs: one across 40 ms of pause, one across `threshold - 1` ms, one across none.
    const flights = [95, 150, 30 - (threshold - 1), 60, 40, 90]
    const report = reportPauses(pauses, flights)
    expect(report).toEqual({
      pauses: 3,
      pausedMs: 60,
      longestMs: 40,
      slowDeliveries: 3,
      slowDuringPause: 1,
    })
  })

  it('sees the pauses of a real collection in this process', async () => {
    const watch = watchPauses()
    // Enough short-lived garbage for several young-generation collections.
    let keep = 0
    for (let i = 0; i < 200_000; i++) keep += new Array(16).fill(i).length
    await new Promise((resolve) => setTimeout(resolve, 20))
    const seen = watch.stop()
    expect(keep).toBe(3_200_000)
    expect(seen.length).toBeGreaterThan(0)
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.start).toBeGreaterThanOrEqual(seen[i - 1]!.start)
  })
})
