import { describe, expect, it } from 'vitest'
import { CapacitySearch, judgeStep } from '../../scripts/bench/capacity'

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
