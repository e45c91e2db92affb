import { SLOW_DELIVERY_MS } from './gcPauses'
import type { Row } from './stats'

/** Plain-text tables for the terminal. */

export function table(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const cells = rows.map((r) =>
    r.map((c) => (c === null ? '—' : typeof c === 'number' ? formatNumber(c) : c)),
  )
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'n/a'
  if (Number.isInteger(n)) return String(n)
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)
}

const MAIN_COLUMNS: ReadonlyArray<[string, (r: Row) => number]> = [
  ['p50 ms', (r) => r.p50_ms],
  ['p95 ms', (r) => r.p95_ms],
  ['p99 ms', (r) => r.p99_ms],
  ['max ms', (r) => r.max_ms],
  ['typing p99', (r) => r.keystroke_p99_ms],
  ['1st screen p99', (r) => r.first_screen_p99_ms],
  ['p99 w/ burst', (r) => r.with_burst_p99_ms],
  ['burst p99', (r) => r.burst_vote_p99_ms],
  ['warm-up p99', (r) => r.warmup_p99_ms],
  ['upd/s', (r) => r.updates_per_s],
  ['deliv/s', (r) => r.deliveries_per_s],
  ['B out/edit', (r) => r.bytes_out_per_edit],
  ['cpu s', (r) => r.cpu_s],
  ['cpu ms/edit', (r) => r.cpu_ms_per_edit],
  ['steady cpu ms/edit', (r) => r.steady_cpu_ms_per_edit],
  ['peak RSS MB', (r) => r.peak_rss_mb],
]

/** Both servers side by side, with loupe/reference ratios when both ran. */
export function mainTable(rows: readonly Row[]): string {
  const body: Array<Array<string | number>> = rows.map((r) => [
    r.server,
    ...MAIN_COLUMNS.map(([, pick]) => pick(r)),
  ])
  const loupe = rows.find((r) => r.server === 'loupe')
  const reference = rows.find((r) => r.server === 'reference')
  if (loupe && reference) {
    body.push(['loupe/ref', ...MAIN_COLUMNS.map(([, pick]) => ratio(pick(loupe), pick(reference)))])
  }
  return table(['server', ...MAIN_COLUMNS.map(([name]) => name)], body)
}

/** loupe / reference, NaN when the reference is zero. */
export function ratio(loupe: number, reference: number): number {
  return reference === 0 ? Number.NaN : Number((loupe / reference).toFixed(2))
}

/** How many deliveries were slow, and how many of those waited on their load process's garbage collector. */
function slowLine(r: Row): string {
  const share = r.slow_deliveries > 0 ? (100 * r.slow_deliveries_during_load_gc) / r.slow_deliveries : 0
  return (
    `${r.slow_deliveries} deliveries over ${SLOW_DELIVERY_MS} ms, ${share.toFixed(0)} % of them ` +
    `in flight while their load process paused >= ${SLOW_DELIVERY_MS / 3} ms for GC`
  )
}

/** What was sent and whether everything arrived. */
export function deliveryLines(rows: readonly Row[]): string {
  return rows
    .map((r) => {
      const lost = r.deliveries_expected - r.deliveries_seen
      const closes = r.close_codes.length > 0 ? `, server closed clients: ${r.close_codes.join(',')}` : ''
      return (
        `${r.server}: ${r.connections} connections (set up in ${r.setup_s} s); ${r.edits_sent} edits ` +
        `(${r.keystrokes} keystrokes, ${r.erasures} erasures, ${r.moves} moves, ${r.votes} votes); ` +
        `deliveries ${r.deliveries_seen}/${r.deliveries_expected}${lost === 0 ? ' (all)' : ` (${lost} missing)`}` +
        `; server sent ${Object.entries(r.egress_by_kind)
          .map(([kind, e]) => `${kind} ${e.messages} msgs / ${(e.bytes / 1024).toFixed(0)} KB`)
          .join(', ')}` +
        (r.server_loop_lag_p99_ms === null
          ? ''
          : `; server event-loop lag p99 <= ${r.server_loop_lag_p99_ms} ms`) +
        `; server CPU s ${r.cpu_warmup_s} warm-up + ${r.cpu_steady_s} steady + ` +
        `${r.cpu_burst_and_drain_s} burst and drain` +
        `; load process CPU s ${r.load_cpu_s.join(' + ')} (event-loop delay p99 ${r.load_loop_delay_p99_ms} ms; ` +
        `in GC ${r.load_gc_paused_ms_per_process} ms each, longest pause ${r.load_gc_longest_ms} ms)${closes}` +
        `; ${slowLine(r)}`
      )
    })
    .join('\n')
}
