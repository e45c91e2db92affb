import { describe, expect, it } from 'vitest'
import { judgeStep } from '../../scripts/bench/capacity'

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
})
