import type { ServerName } from './options'
import { table } from './report'
import type { Row } from './stats'

/**
 * Several trials of the side-by-side load (`--trials N`): on a small machine one run's p99 swings by a factor of
 * two or more, so a comparison rests on the trials' medians and on how often each server came out lower.
 */

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = sorted.length >> 1
  const upper = sorted[mid] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2
}

/** Counts summed over the trials rather than taken at their median: a delivery lost in any trial must show. */
const SUMMED: ReadonlyArray<keyof Row> = ['deliveries_expected', 'deliveries_seen']

/**
 * One row for a server's trials: each number is the median of that number over the trials (so columns of one
 * row may come from different trials), but deliveries are the trials' totals; the rest is the first trial's, the
 * servers' close codes all of them.
 */
export function medianRow(trials: readonly Row[]): Row {
  const [first] = trials
  if (!first) throw new Error('no trial to summarise')
  const merged: Record<string, unknown> = { ...first }
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== 'number') continue
    const values = trials.map((t) => t[key as keyof Row] as number)
    merged[key] = SUMMED.includes(key as keyof Row)
      ? values.reduce((sum, n) => sum + n, 0)
      : Number(median(values).toFixed(2))
  }
  merged.close_codes = trials.flatMap((t) => t.close_codes)
  return merged as unknown as Row
}

export interface TrialComparison {
  trials: number
  /** Trials in which Loupe's figure was strictly below the reference's. */
  loupeLower: number
}

/** In how many trials Loupe's `pick` was lower than the reference's, trial by trial (same order of runs). */
export function compareTrials(
  byServer: ReadonlyMap<ServerName, readonly Row[]>,
  pick: (row: Row) => number,
): TrialComparison | null {
  const loupe = byServer.get('loupe')
  const reference = byServer.get('reference')
  if (!loupe || !reference) return null
  const trials = Math.min(loupe.length, reference.length)
  let loupeLower = 0
  for (let i = 0; i < trials; i++) {
    const [l, r] = [loupe[i], reference[i]]
    if (l && r && pick(l) < pick(r)) loupeLower++
  }
  return { trials, loupeLower }
}

/** Every trial's main figures, in the order they ran (`servers` rows per trial). */
export function trialsTable(trials: readonly Row[], servers: number): string {
  return table(
    [
      'server',
      'trial',
      'p50 ms',
      'p99 ms',
      '1st screen p99',
      'max ms',
      'cpu ms/edit',
      'steady cpu ms/edit',
      'peak RSS MB',
      'missing',
    ],
    trials.map((r, i) => [
      r.server,
      Math.floor(i / servers) + 1,
      r.p50_ms,
      r.p99_ms,
      r.first_screen_p99_ms,
      r.max_ms,
      r.cpu_ms_per_edit,
      r.steady_cpu_ms_per_edit,
      r.peak_rss_mb,
      r.deliveries_expected - r.deliveries_seen,
    ]),
  )
}
