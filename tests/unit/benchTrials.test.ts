import { describe, expect, it } from 'vitest'
import type { ServerName } from '../../scripts/bench/options'
import type { Row } from '../../scripts/bench/stats'
import { compareTrials, median, medianRow, trialsTable } from '../../scripts/bench/trials'

/** A row with only what these tests look at; the rest is never read. */
const row = (server: ServerName, p99: number, extra: Partial<Row> = {}): Row =>
  ({
    server,
    p99_ms: p99,
    p50_ms: p99 / 10,
    first_screen_p99_ms: p99 - 5,
    max_ms: p99 * 2,
    cpu_ms_per_edit: 1.2,
    steady_cpu_ms_per_edit: 1.1,
    peak_rss_mb: 120,
    close_codes: [],
    votes_are: 'x',
    ...extra,
  }) as Row

describe('bench: several trials', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20)
    expect(median([40, 10, 30, 20])).toBe(25)
    expect(median([])).toBeNaN()
    expect(median([Number.NaN, 7])).toBe(7)
  })

  it("summarises a server's trials figure by figure, keeping every close code", () => {
    const summary = medianRow([
      row('loupe', 60, { close_codes: [4409] }),
      row('loupe', 20),
      row('loupe', 30, { close_codes: [1006] }),
    ])
    expect(summary.server).toBe('loupe')
    expect(summary.p99_ms).toBe(30)
    expect(summary.p50_ms).toBe(3)
    expect(summary.votes_are).toBe('x')
    expect(summary.close_codes).toEqual([4409, 1006])
    expect(() => medianRow([])).toThrow('no trial')
  })

  it('adds up the deliveries of every trial, so that one lost in any trial shows', () => {
    const summary = medianRow([
      row('loupe', 20, { deliveries_expected: 100, deliveries_seen: 100 }),
      row('loupe', 30, { deliveries_expected: 100, deliveries_seen: 71 }),
      row('loupe', 40, { deliveries_expected: 100, deliveries_seen: 100 }),
    ])
    expect(summary.deliveries_expected).toBe(300)
    expect(summary.deliveries_seen).toBe(271)
    const lines = trialsTable([row('loupe', 20, { deliveries_expected: 100, deliveries_seen: 71 })], 1).split(
      '\n',
    )
    expect(lines[0]).toMatch(/\smissing$/)
    expect(lines[2]).toMatch(/\s29$/)
  })

  it('counts the trials in which Loupe came out lower, trial against trial', () => {
    const byServer = new Map<ServerName, Row[]>([
      ['loupe', [row('loupe', 30), row('loupe', 50), row('loupe', 20)]],
      ['reference', [row('reference', 40), row('reference', 45), row('reference', 20)]],
    ])
    // Equal is not lower.
    expect(compareTrials(byServer, (r) => r.p99_ms)).toEqual({ trials: 3, loupeLower: 1 })
    expect(compareTrials(new Map([['loupe', [row('loupe', 1)]]]), (r) => r.p99_ms)).toBeNull()
  })

  it('lists each trial in the order the servers took turns', () => {
    const lines = trialsTable(
      [row('loupe', 30), row('reference', 40), row('loupe', 50), row('reference', 45)],
      2,
    ).split('\n')
    expect(lines[0]).toMatch(/^server\s+trial\s+p50 ms\s+p99 ms/)
    expect(lines.slice(2).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'loupe 1',
      'reference 1',
      'loupe 2',
      'reference 2',
    ])
  })
})
