import { describe, expect, it } from 'vitest'
import { Tally } from '../../scripts/bench/deliveries'
import { SLOW_DELIVERY_MS } from '../../scripts/bench/gcPauses'

describe('bench: what each delivery counts towards', () => {
  it('keeps warm-up edits out of the measured latencies but counts their delivery', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.burstFrom = 5000
    tally.record(80, 500, 'keystroke')
    tally.record(3, 1500, 'keystroke')
    tally.record(20, 4000, 'other')
    tally.record(40, 6000, 'burst vote')
    expect(tally.seen).toBe(4)
    expect(tally.warmupLatencies).toEqual([80])
    expect(tally.latencies).toEqual([3, 20, 40])
    expect(tally.keystrokeLatencies).toEqual([3])
    expect(tally.steadyLatencies).toEqual([3, 20])
    expect(tally.burstLatencies).toEqual([40])
    // Only measured deliveries past the threshold, as [sent, arrived] pairs.
    expect(SLOW_DELIVERY_MS).toBeLessThan(20)
    expect(tally.slowFlights).toEqual([4000, 4020, 6000, 6040])
  })

  it('starts each step from nothing', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.record(80, 500, 'keystroke')
    tally.record(30, 1500, 'keystroke')
    tally.reset()
    expect(tally.measureFrom).toBe(0)
    expect([
      tally.seen,
      tally.latencies.length,
      tally.warmupLatencies.length,
      tally.slowFlights.length,
    ]).toEqual([0, 0, 0, 0])
  })
})
