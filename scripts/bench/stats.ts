import type { MeasuredStep } from './loadSession'
import type { ServerName } from './options'

/** Turns a measured step into a result row (the JSON shape `--json` writes). */

export interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles in ms; NaN when there is no sample. */
export function percentiles(samples: Float64Array): Percentiles {
  if (samples.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN }
  const sorted = Float64Array.from(samples).sort()
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN }
}

export interface Row {
  server: ServerName
  workshops: number
  participants: number
  connections: number
  setup_s: number
  rate: number
  edits_sent: number
  keystrokes: number
  erasures: number
  moves: number
  votes: number
  /** What a vote was in the mixed load. */
  votes_are: string
  votes_refused: number
  deliveries_expected: number
  deliveries_seen: number
  /** Edit-to-screen latency of the steady load: edits sent before the vote burst began. */
  p50_ms: number
  p95_ms: number
  p99_ms: number
  max_ms: number
  /** Seconds of load before the measured part, and the p99 of the edits sent then (in no other column). */
  warmup_s: number
  warmup_p99_ms: number
  /** The same over every measured edit of the step, burst included. */
  with_burst_p99_ms: number
  with_burst_max_ms: number
  keystroke_p50_ms: number
  keystroke_p99_ms: number
  /**
   * Steady keystrokes to the first other participant who shows them: what the server's path adds. The other
   * deliveries of a keystroke also wait for the receivers before them, in the same load process.
   */
  first_screen_p50_ms: number
  first_screen_p99_ms: number
  burst_vote_p50_ms: number
  burst_vote_p99_ms: number
  burst_vote_max_ms: number
  updates_per_s: number
  deliveries_per_s: number
  bytes_out_per_edit: number
  peak_rss_mb: number
  cpu_s: number
  cpu_ms_per_edit: number
  /** The server's CPU over the steady load alone (no warm-up, no burst): cores busy, and ms per edit sent then. */
  steady_edits: number
  steady_cpu_cores: number
  steady_cpu_ms_per_edit: number
  /** The server's CPU seconds in each phase of the step: warm-up, steady load, then burst and drain. */
  cpu_warmup_s: number
  cpu_steady_s: number
  cpu_burst_and_drain_s: number
  load_cpu_s: number[]
  /** The load processes' own event-loop delay: when high, latencies partly measure the generator. */
  load_loop_delay_p99_ms: number
  load_loop_delay_max_ms: number
  /** The load processes' GC pauses: their sum per process (ms) and the longest. */
  load_gc_paused_ms_per_process: number
  load_gc_longest_ms: number
  /** Deliveries slower than 15 ms, and how many of them waited on a GC pause of their load process. */
  slow_deliveries: number
  slow_deliveries_during_load_gc: number
  close_codes: number[]
  /** Loupe only: the bound under which 99% of its own event-loop lag samples fell during the load (ms). */
  server_loop_lag_p99_ms: number | null
  /** What the server sent, by message kind. */
  egress_by_kind: Record<string, { messages: number; bytes: number }>
}

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)

export function toRow(
  server: ServerName,
  shape: {
    workshops: number
    participants: number
    rate: number
    warmup: number
    /** Seconds of steady load. */
    duration: number
    connections: number
    setupSeconds: number
  },
  step: MeasuredStep,
  peakRssMb: number,
): Row {
  const lat = percentiles(step.steadyLatencies)
  const all = percentiles(step.latencies)
  const burst = percentiles(step.burstLatencies)
  const typed = percentiles(step.keystrokeLatencies)
  const firstScreen = percentiles(step.firstScreenLatencies)
  const edits = step.sent.keystrokes + step.sent.erasures + step.sent.moves + step.sent.votes
  return {
    server,
    workshops: shape.workshops,
    participants: shape.participants,
    connections: shape.connections,
    setup_s: round(shape.setupSeconds, 1),
    rate: shape.rate,
    edits_sent: edits,
    ...step.sent,
    votes_are: step.refereedVotes
      ? 'refereed vote.add/vote.remove commands; latency = until the voter has the answer (others see the voter count)'
      : 'card example toggle: a small Y.Map write relayed to everyone',
    votes_refused: step.votesRefused,
    deliveries_expected: step.deliveriesExpected,
    deliveries_seen: step.deliveriesSeen,
    p50_ms: round(lat.p50),
    p95_ms: round(lat.p95),
    p99_ms: round(lat.p99),
    max_ms: round(lat.max),
    warmup_s: shape.warmup,
    warmup_p99_ms: round(percentiles(step.warmupLatencies).p99),
    with_burst_p99_ms: round(all.p99),
    with_burst_max_ms: round(all.max),
    keystroke_p50_ms: round(typed.p50),
    keystroke_p99_ms: round(typed.p99),
    first_screen_p50_ms: round(firstScreen.p50),
    first_screen_p99_ms: round(firstScreen.p99),
    burst_vote_p50_ms: round(burst.p50),
    burst_vote_p99_ms: round(burst.p99),
    burst_vote_max_ms: round(burst.max),
    updates_per_s: round(edits / step.activeSeconds, 1),
    deliveries_per_s: round(step.deliveriesSeen / step.activeSeconds, 0),
    bytes_out_per_edit: round(step.bytesReceived / Math.max(1, edits), 0),
    peak_rss_mb: round(peakRssMb, 1),
    cpu_s: round(step.serverCpuSeconds),
    cpu_ms_per_edit: round((step.serverCpuSeconds * 1000) / Math.max(1, edits), 3),
    steady_edits: step.steadyEdits,
    steady_cpu_cores: round(step.serverCpuByPhase.steady / shape.duration),
    steady_cpu_ms_per_edit: round((step.serverCpuByPhase.steady * 1000) / Math.max(1, step.steadyEdits), 3),
    cpu_warmup_s: round(step.serverCpuByPhase.warmup),
    cpu_steady_s: round(step.serverCpuByPhase.steady),
    cpu_burst_and_drain_s: round(step.serverCpuByPhase.burstAndDrain),
    load_cpu_s: step.loadCpuSeconds.map((s) => round(s)),
    load_loop_delay_p99_ms: round(step.loopDelayP99Ms, 1),
    load_loop_delay_max_ms: round(step.loopDelayMaxMs, 1),
    load_gc_paused_ms_per_process: round(step.gcPauses.pausedMs / Math.max(1, step.loadCpuSeconds.length), 0),
    load_gc_longest_ms: round(step.gcPauses.longestMs, 1),
    slow_deliveries: step.gcPauses.slowDeliveries,
    slow_deliveries_during_load_gc: step.gcPauses.slowDuringPause,
    close_codes: step.closeCodes,
    egress_by_kind: step.receivedByKind,
    server_loop_lag_p99_ms: null,
  }
}
