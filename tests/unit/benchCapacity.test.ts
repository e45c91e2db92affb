import { describe, expect, it } from 'vitest'
import {
  CapacitySearch,
  capacityOrder,
  judgeStep,
  summariseCapacity,
  type CapacityReport,
} from '../../scripts/bench/capacity'

describe('the capacity search', () => {
  it('raises the rate while p99 stays within 50 ms', () => {
    expect(judgeStep({ p99: 42, lost: 0, retried: false })).toBe('raise')
    expect(judgeStep({ p99: 50, lost: 0, retried: false })).toBe('raise')
  })

  it('runs a rate over the limit once more, and stops if it is over again', () => {
    expect(judgeStep({ p99: 58, lost: 0, retried: false })).toBe('retry')
    expect(judgeStep({ p99: 31, lost: 0, retried: true })).toBe('raise')
    expect(judgeStep({ p99: 61, lost: 0, retried: true })).toBe('stop')
  })

  it('stops at once when edits go missing, and on a p99 that could not be computed', () => {
    expect(judgeStep({ p99: 12, lost: 3, retried: false })).toBe('stop')
    expect(judgeStep({ p99: Number.NaN, lost: 0, retried: true })).toBe('stop')
  })

  /** Runs a search against a server whose p99 at each rate is `p99Of(rate, nth run of that rate)`. */
  function search(p99Of: (rate: number, run: number) => number, lostAt = Infinity) {
    const runs = new Map<number, number>()
    const steps: string[] = []
    const s = new CapacitySearch(0.02)
    for (let next = s.next(); next; next = s.next()) {
      const run = (runs.get(next.rate) ?? 0) + 1
      runs.set(next.rate, run)
      steps.push(`${next.rate.toFixed(3)}${next.retry ? ' again' : ''}`)
      s.record({ p99: p99Of(next.rate, run), lost: next.rate >= lostAt ? 1 : 0 })
    }
    return {
      steps,
      sustained: s.sustained?.rate.toFixed(3) ?? null,
      failed: s.failedRate?.toFixed(3) ?? null,
    }
  }

  it('after the first failed rate, halves the gap to the last one passed, twice', () => {
    // Within the limit up to 0.2 edits/s per participant.
    const result = search((rate) => (rate <= 0.2 ? 20 : 80))
    expect(result.steps).toEqual([
      '0.020',
      '0.032',
      '0.051',
      '0.082',
      '0.131',
      '0.210',
      '0.210 again',
      // sqrt(0.131 x 0.210), passed; then sqrt(0.166 x 0.210)
      '0.166',
      '0.186',
    ])
    expect(result.sustained).toBe('0.186')
    expect(result.failed).toBe('0.210')
  })

  it('a rate between that fails too becomes the first failed rate, and the next one lies below it', () => {
    const result = search((rate) => (rate <= 0.14 ? 20 : 80))
    expect(result.steps.slice(-5)).toEqual([
      '0.210 again',
      '0.166',
      '0.166 again',
      // sqrt(0.131 x 0.166)
      '0.147',
      '0.147 again',
    ])
    expect(result.sustained).toBe('0.131')
    expect(result.failed).toBe('0.147')
  })

  it('gives the rates between their second chance too', () => {
    const result = search((rate, run) => (rate <= 0.14 ? 20 : rate < 0.2 && run === 2 ? 30 : 80))
    expect(result.steps.slice(-4)).toEqual(['0.166', '0.166 again', '0.186', '0.186 again'])
    expect(result.sustained).toBe('0.186')
    expect(result.failed).toBe('0.210')
  })

  it('stops at once on missing edits, without looking between', () => {
    const result = search(() => 20, 0.1)
    expect(result.steps.at(-1)).toBe('0.131')
    expect(result.sustained).toBe('0.082')
    expect(result.failed).toBe('0.131')
  })

  it('a first rate over the limit ends the search with nothing sustained', () => {
    const result = search(() => 80)
    expect(result.steps).toEqual(['0.020', '0.020 again'])
    expect(result.sustained).toBeNull()
    expect(result.failed).toBe('0.020')
  })
})

describe('several capacity searches', () => {
  it('reverse the servers’ order every other run', () => {
    expect(capacityOrder(['loupe', 'reference'], 4)).toEqual([
      ['loupe', 'reference'],
      ['reference', 'loupe'],
      ['loupe', 'reference'],
      ['reference', 'loupe'],
    ])
    expect(capacityOrder(['reference', 'loupe'], 1)).toEqual([['reference', 'loupe']])
  })

  const report = (
    server: 'loupe' | 'reference',
    run: number,
    rate: number | null,
    startingP99 = 20,
  ): CapacityReport => ({
    server,
    run,
    sustained_rate: rate,
    sustained_updates_per_s: null,
    p99_at_sustained_ms: null,
    failed_rate: null,
    steps: [0.1, 0.16].map((stepRate, i) => ({
      rate: stepRate,
      retry: false,
      updates_per_s: 150,
      // Past the first step, p99 climbs: only the first is the starting rate's.
      p99_ms: startingP99 + i * 25,
      lost: 0,
      server_cpu: 0.2,
      load_cpu: [0.2],
    })),
  })

  it('give each server’s median and compare them run by run, nothing sustained counting as 0', () => {
    const summary = summariseCapacity([
      report('loupe', 1, 0.18),
      report('reference', 1, 0.23),
      report('reference', 2, 0.14),
      report('loupe', 2, 0.18),
      report('loupe', 3, null),
      report('reference', 3, 0.2),
      report('loupe', 4, 0.2),
      report('reference', 4, 0.2),
    ])
    expect(summary.medians).toEqual([
      { server: 'loupe', sustained_rate: 0.18, runs: 4, starting_p99_ms: 20 },
      { server: 'reference', sustained_rate: 0.2, runs: 4, starting_p99_ms: 20 },
    ])
    expect(summary.loupe).toEqual({ above: 1, equal: 1, below: 2 })
    expect(summary.noisy).toBe(false)
  })

  it('compare nothing with one server only', () => {
    expect(summariseCapacity([report('loupe', 1, 0.3), report('loupe', 2, 0.4)])).toEqual({
      medians: [{ server: 'loupe', sustained_rate: 0.35, runs: 2, starting_p99_ms: 20 }],
      loupe: null,
      noisy: false,
    })
  })

  it('say when the machine alone put p99 near the limit at the starting rate', () => {
    const calm = summariseCapacity([report('loupe', 1, 0.3, 12), report('reference', 1, 0.3, 29)])
    expect(calm.noisy).toBe(false)
    // One server's median start over 30 ms (60 % of the limit) is enough: both ran on the same machine.
    const noisy = summariseCapacity([
      report('loupe', 1, 0.14, 28),
      report('reference', 1, 0.18, 42),
      report('reference', 2, 0.11, 74),
      report('loupe', 2, 0.2, 53),
    ])
    expect(noisy.medians.map((m) => m.starting_p99_ms)).toEqual([40.5, 58])
    expect(noisy.noisy).toBe(true)
  })
})
