import { describe, expect, it } from 'vitest'
import type { MeasuredStep } from '../../scripts/bench/loadSession'
import { toRow } from '../../scripts/bench/stats'

const shape = {
  workshops: 2,
  participants: 3,
  rate: 0.1,
  warmup: 3,
  duration: 12,
  connections: 6,
  setupSeconds: 1,
}

/** A step of 4,000 edits over 20 s, 2,400 of them in the 12 s of steady load. */
function step(cpu: { whole: number; steady: number }): MeasuredStep {
  return {
    sent: { keystrokes: 3000, erasures: 200, moves: 300, votes: 500 },
    steadyEdits: 2400,
    deliveriesExpected: 10,
    deliveriesSeen: 10,
    latencies: Float64Array.of(1, 2, 3),
    keystrokeLatencies: Float64Array.of(1, 2),
    burstLatencies: Float64Array.of(3),
    steadyLatencies: Float64Array.of(1, 2),
    warmupLatencies: new Float64Array(),
    firstScreenLatencies: Float64Array.of(1),
    bytesReceived: 4000,
    messagesReceived: 40,
    receivedByKind: {},
    activeSeconds: 20,
    votesRefused: 0,
    refereedVotes: true,
    closeCodes: [],
    loopDelayP99Ms: 5,
    loopDelayMaxMs: 9,
    gcPauses: { pauses: 0, pausedMs: 0, longestMs: 0, slowDeliveries: 0, slowDuringPause: 0 },
    serverCpuSeconds: cpu.whole,
    serverCpuByPhase: { warmup: 1, steady: cpu.steady, burstAndDrain: cpu.whole - 1 - cpu.steady },
    loadCpuSeconds: [4, 4],
  }
}

describe('bench: server CPU in a row', () => {
  it('reads the steady load apart from the warm-up and the burst', () => {
    const row = toRow('loupe', shape, step({ whole: 6, steady: 2.4 }), 120)
    // The whole step: 6 s for 4,000 edits.
    expect(row.cpu_ms_per_edit).toBe(1.5)
    // The steady load alone: 2.4 s over its 12 s, for its 2,400 edits.
    expect(row.steady_cpu_cores).toBe(0.2)
    expect(row.steady_cpu_ms_per_edit).toBe(1)
    expect([row.cpu_warmup_s, row.cpu_steady_s, row.cpu_burst_and_drain_s]).toEqual([1, 2.4, 2.6])
  })

  it('shows an unreadable steady window as unknown, not as free', () => {
    const row = toRow('reference', shape, step({ whole: 6, steady: Number.NaN }), 120)
    expect(row.steady_cpu_ms_per_edit).toBeNaN()
    expect(row.cpu_ms_per_edit).toBe(1.5)
  })
})
