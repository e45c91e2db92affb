import { describe, expect, it } from 'vitest'
import { KeystrokeCodec, SendLog, Tally } from '../../scripts/bench/deliveries'
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

  it("times a steady keystroke's first screen once, however many participants show it", () => {
    const tally = new Tally()
    const log = new SendLog(new KeystrokeCodec(3), tally)
    tally.measureFrom = performance.now() - 1
    const sent = log.keystroke(0, 0).charCodeAt(0)
    const index = log.codec.indexOf(sent)
    const sentAt = log.keystrokes[index] ?? 0
    log.keystrokeShown(index, sentAt + 4)
    log.keystrokeShown(index, sentAt + 9)
    expect(tally.firstScreenLatencies).toEqual([4])
    expect(tally.keystrokeLatencies).toEqual([4, 9])
    // The slot comes round again for a later keystroke: its first screen is timed anew.
    log.keystroke(0, log.codec.slots)
    const again = log.keystrokes[index] ?? 0
    log.keystrokeShown(index, again + 2)
    expect(tally.firstScreenLatencies).toEqual([4, 2])
  })

  it('leaves warm-up and burst keystrokes out of the first screen', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.burstFrom = 5000
    tally.recordFirstScreen(50, 500)
    tally.recordFirstScreen(3, 2000)
    tally.recordFirstScreen(60, 6000)
    expect(tally.firstScreenLatencies).toEqual([3])
  })

  it('starts each step from nothing', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.record(80, 500, 'keystroke')
    tally.record(30, 1500, 'keystroke')
    tally.recordFirstScreen(30, 1500)
    tally.reset()
    expect(tally.measureFrom).toBe(0)
    expect([
      tally.seen,
      tally.latencies.length,
      tally.warmupLatencies.length,
      tally.slowFlights.length,
      tally.firstScreenLatencies.length,
    ]).toEqual([0, 0, 0, 0, 0])
  })
})
