import { LoadSession } from './loadSession'
import type { BenchOptions, ServerName } from './options'
import { startServer } from './servers'
import { percentiles } from './stats'
import { median } from './trials'

/**
 * Raises the edit rate step by step on one set of connections until p99 passes 50 ms (or edits go missing), then
 * halves the gap between the last rate passed and the first one failed, twice. Each step lasts `--duration` seconds.
 */

export const P99_LIMIT_MS = 50
export const GROWTH = 1.6
/** Halvings of the gap (geometric) once a rate failed: the sustained rate is then known to within 1.6^(1/4) = 1.12x. */
const REFINEMENTS = 2
// Nine rates, from the lowest to 40 times it, the two between the last passed and the first failed, and room for a
// few of them to be run twice.
const MAX_STEPS = 16

export interface CapacityReport {
  server: ServerName
  /** Which search of this server it was (1 unless --capacity-runs). */
  run: number
  /** The highest rate whose p99 stayed within the limit with every edit delivered. */
  sustained_rate: number | null
  sustained_updates_per_s: number | null
  p99_at_sustained_ms: number | null
  /** The rate that broke the limit (null when none did within the steps). */
  failed_rate: number | null
  steps: Array<{
    rate: number
    /** The second run of a rate whose first run passed the limit. */
    retry: boolean
    updates_per_s: number
    p99_ms: number
    lost: number
    server_cpu: number
    load_cpu: number[]
  }>
}

export type StepVerdict = 'raise' | 'retry' | 'stop'

/**
 * After a step: within the limit, raise the rate; over it, run the same rate once more before it counts as failed,
 * since a single slow second of a machine shared by the server and the load processes puts a few-second step's p99
 * over the limit whatever the rate (seen at the lowest rates on both servers). Missing edits are no such accident.
 */
export function judgeStep(step: { p99: number; lost: number; retried: boolean }): StepVerdict {
  if (step.lost > 0) return 'stop'
  if (step.p99 <= P99_LIMIT_MS) return 'raise'
  return step.retried ? 'stop' : 'retry'
}

/**
 * Which rate to run next: up by GROWTH while steps pass, then, once a rate has failed, the rate halfway between it
 * and the last one passed (geometrically), and once more between whichever two rates then bound the capacity, so
 * that the sustained rate is known to within GROWTH^(1/4) = 1.12x rather than 1.6x: at the edge, where the machine
 * saturates, two servers a few per cent apart would otherwise land a whole step apart or on the same step. Each rate
 * gets its second chance; missing edits end the search at once.
 */
export class CapacitySearch {
  sustained: { rate: number; p99: number; step: number } | null = null
  failedRate: number | null = null
  private rate: number
  private retried = false
  private refinements = 0
  private done = false
  private steps = 0

  constructor(startRate: number) {
    this.rate = startRate
  }

  /** The rate of the next step, and whether it is a second chance; null when the search is over. */
  next(): { rate: number; retry: boolean } | null {
    if (this.done || this.steps >= MAX_STEPS) return null
    return { rate: this.rate, retry: this.retried }
  }

  record(step: { p99: number; lost: number }): void {
    this.steps++
    const verdict = judgeStep({ ...step, retried: this.retried })
    if (verdict === 'retry') {
      this.retried = true
      return
    }
    this.retried = false
    const refining = this.failedRate !== null
    if (verdict === 'raise') {
      this.sustained = { rate: this.rate, p99: step.p99, step: this.steps - 1 }
      if (!refining) this.rate *= GROWTH
    } else {
      this.failedRate = this.rate
      if (!this.sustained || step.lost > 0) {
        this.done = true
        return
      }
    }
    if (this.failedRate === null || !this.sustained) return
    if (refining) this.refinements++
    if (this.refinements >= REFINEMENTS) {
      this.done = true
      return
    }
    this.rate = Math.sqrt(this.sustained.rate * this.failedRate)
  }
}

/**
 * The order of the searches with `--capacity-runs N`: the servers as given, then reversed, and so on (A B, B A,
 * A B...). A search takes minutes, and a shared machine's load drifts over minutes: alternating the order keeps
 * either server from always running on the later, or the earlier, part of it.
 */
export function capacityOrder(servers: readonly ServerName[], runs: number): ServerName[][] {
  return Array.from({ length: runs }, (_, i) => (i % 2 === 0 ? [...servers] : [...servers].reverse()))
}

/**
 * A p99 this high at the starting rate, where neither server is near its limit, says the machine's own stalls are
 * already most of the budget: the search then finds where they cross P99_LIMIT_MS more than where a server saturates.
 */
export const NOISY_START_MS = 0.6 * P99_LIMIT_MS

export interface CapacitySummary {
  /**
   * Each server's median sustained rate over its runs (a run that sustained nothing counts as 0), and the median p99
   * of its runs' first step, at the starting rate.
   */
  medians: Array<{ server: ServerName; sustained_rate: number; runs: number; starting_p99_ms: number }>
  /** Run by run, how Loupe's sustained rate compared with the reference's; null without both servers. */
  loupe: { above: number; equal: number; below: number } | null
  /** Some server's starting p99 was over NOISY_START_MS: the searches measured the machine more than the servers. */
  noisy: boolean
}

export function summariseCapacity(reports: readonly CapacityReport[]): CapacitySummary {
  const servers = [...new Set(reports.map((r) => r.server))]
  const rateOf = (r: CapacityReport) => r.sustained_rate ?? 0
  const medians = servers.map((server) => {
    const runs = reports.filter((r) => r.server === server)
    const starts = runs.flatMap((r) => (r.steps[0] ? [r.steps[0].p99_ms] : []))
    return {
      server,
      sustained_rate: Number(median(runs.map(rateOf)).toFixed(2)),
      runs: runs.length,
      starting_p99_ms: Number(median(starts).toFixed(1)),
    }
  })
  const noisy = medians.some((m) => m.starting_p99_ms > NOISY_START_MS)
  if (!servers.includes('loupe') || !servers.includes('reference')) return { medians, loupe: null, noisy }
  const loupe = { above: 0, equal: 0, below: 0 }
  for (const run of new Set(reports.map((r) => r.run))) {
    const l = reports.find((r) => r.server === 'loupe' && r.run === run)
    const ref = reports.find((r) => r.server === 'reference' && r.run === run)
    if (!l || !ref) continue
    const [a, b] = [rateOf(l), rateOf(ref)]
    if (a > b) loupe.above++
    else if (a < b) loupe.below++
    else loupe.equal++
  }
  return { medians, loupe, noisy }
}

export async function capacity(
  name: ServerName,
  options: BenchOptions,
  say: (line: string) => void,
  run = 1,
): Promise<CapacityReport> {
  const server = await startServer(name, { loupeEntry: options.loupeEntry })
  const report: CapacityReport = {
    server: name,
    run,
    sustained_rate: null,
    sustained_updates_per_s: null,
    p99_at_sustained_ms: null,
    failed_rate: null,
    steps: [],
  }
  try {
    const session = await LoadSession.open(server, {
      workshops: options.workshops,
      participants: options.participants,
      processes: options.loadProcesses,
    })
    try {
      const search = new CapacitySearch(options.rate)
      for (let next = search.next(); next; next = search.next()) {
        const { rate, retry } = next
        // The same connections step after step: only the first step finds the processes cold.
        const warmup = report.steps.length === 0 ? options.warmup : 0
        const step = await session.step({ warmup, duration: options.duration, rate, burstSeconds: 0 })
        const edits = step.sent.keystrokes + step.sent.erasures + step.sent.moves + step.sent.votes
        const p99 = percentiles(step.latencies).p99
        const lost = step.deliveriesExpected - step.deliveriesSeen
        const updatesPerS = Number((edits / step.activeSeconds).toFixed(1))
        const loadCpu = step.loadCpuSeconds.map((s) => Number((s / step.activeSeconds).toFixed(2)))
        const serverCpu = Number((step.serverCpuSeconds / step.activeSeconds).toFixed(2))
        report.steps.push({
          rate,
          retry,
          updates_per_s: updatesPerS,
          p99_ms: Number(p99.toFixed(2)),
          lost,
          server_cpu: serverCpu,
          load_cpu: loadCpu,
        })
        const which = `${name}${options.capacityRuns > 1 ? ` (run ${run})` : ''}`
        say(
          `  ${which} rate ${rate.toFixed(2)}/s/participant${retry ? ' (again)' : ''}: ${updatesPerS} edits/s, ` +
            `p99 ${p99.toFixed(1)} ms, ${lost} missing, server CPU ${serverCpu.toFixed(2)} core, load CPU ${loadCpu.join('+')} core`,
        )
        search.record({ p99, lost })
      }
      const sustained = search.sustained
      report.sustained_rate = sustained ? Number(sustained.rate.toFixed(2)) : null
      report.sustained_updates_per_s = sustained
        ? (report.steps[sustained.step]?.updates_per_s ?? null)
        : null
      report.p99_at_sustained_ms = sustained ? Number(sustained.p99.toFixed(2)) : null
      report.failed_rate = search.failedRate === null ? null : Number(search.failedRate.toFixed(2))
    } finally {
      await session.close()
    }
  } finally {
    await server.stop()
  }
  return report
}
