import { monitorEventLoopDelay } from 'node:perf_hooks'
import { closeCodes, traffic, until } from './client'
import { reportPauses, watchPauses } from './gcPauses'
import { KeystrokeCodec, observeDeliveries, SendLog, Tally } from './deliveries'
import type { EditCounts, Step, StepResult } from './protocol'
import { seededRandom, Typist } from './typist'
import { Ballot, VOTE_BUDGET } from './ballots'
import type { CommandChannel } from './commands'
import type { BenchWorkshop, Seat } from './workshops'

/** Drives the edits of every participant of a load process, step after step, and measures their delivery. */

/** How long the last edits may take to reach everyone before the step counts them as lost. */
const DRAIN_TIMEOUT_MS = 15_000
const VOTE_WINDOW_MS = 1000

export class Driver {
  private readonly tally = new Tally()
  private readonly sent: EditCounts = { keystrokes: 0, erasures: 0, moves: 0, votes: 0 }
  /** Typists grouped by workshop, for the vote burst. */
  private readonly workshops: Typist[][] = []
  private readonly stopObserving: Array<() => void> = []
  private readonly refereed: boolean

  constructor(
    workshops: readonly BenchWorkshop[],
    participants: number,
    seed: number,
    channels: ReadonlyMap<Seat, CommandChannel> | null,
  ) {
    this.refereed = channels !== null
    const codec = new KeystrokeCodec(participants)
    const random = seededRandom(seed)
    for (const workshop of workshops) {
      const log = new SendLog(codec, this.tally)
      const typists: Typist[] = []
      this.workshops.push(typists)
      for (const seat of workshop.seats) {
        this.stopObserving.push(observeDeliveries(seat.client.doc, log, this.tally))
        const leader = workshop.seats[Math.floor(seat.index / 3) * 3] ?? seat
        const channel = channels?.get(seat)
        const others = workshop.seats.filter((s) => s !== seat).map((s) => s.ownCardId)
        const ballot = channel ? new Ballot(channel, others, Math.min(VOTE_BUDGET, others.length)) : null
        typists.push(
          new Typist(
            seat,
            leader.ownCardId,
            log,
            this.sent,
            seededRandom(Math.floor(random() * 2 ** 32)),
            ballot,
          ),
        )
      }
    }
  }

  /** Runs one step: steady load at `rate` for `duration` s, maybe a vote burst, then waits for every delivery. */
  async run(step: Step): Promise<StepResult> {
    this.tally.reset()
    Object.assign(this.sent, { keystrokes: 0, erasures: 0, moves: 0, votes: 0 })
    const before = { ...traffic, byKind: structuredClone(traffic.byKind) }
    const closesBefore = closeCodes.length
    const started = performance.now()
    const warmupMs = step.warmup * 1000
    const steadyMs = step.duration * 1000
    const burstMs = step.burstSeconds * 1000
    const endAt = started + warmupMs + steadyMs + burstMs
    this.tally.measureFrom = started + warmupMs
    if (burstMs > 0) this.tally.burstFrom = started + warmupMs + steadyMs
    const timers = new Set<NodeJS.Timeout>()
    const later = (ms: number, fn: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        fn()
      }, ms)
      timers.add(timer)
    }
    // Each participant edits at exponentially spaced moments: a Poisson process of `rate` per second.
    const meanGapMs = 1000 / step.rate
    for (const typist of this.workshops.flat()) {
      const next = () => {
        const gap = -Math.log(1 - Math.random()) * meanGapMs
        if (performance.now() + gap >= endAt) return
        later(gap, () => {
          typist.act(false)
          next()
        })
      }
      next()
    }
    if (burstMs > 0) {
      const spread = Math.max(0, burstMs - VOTE_WINDOW_MS)
      this.workshops.forEach((typists, k) => {
        const window = warmupMs + steadyMs + (spread * k) / Math.max(1, this.workshops.length - 1)
        for (const typist of typists) later(window + Math.random() * VOTE_WINDOW_MS, () => typist.vote(true))
      })
    }
    // The steady window's own edits, so that the server's CPU over that window can be read per edit.
    const total = () => this.sent.keystrokes + this.sent.erasures + this.sent.moves + this.sent.votes
    let atSteady = 0
    let steadyEdits = 0
    later(warmupMs, () => (atSteady = total()))
    later(warmupMs + steadyMs, () => (steadyEdits = total() - atSteady))
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const gc = watchPauses()
    await new Promise((resolve) => setTimeout(resolve, endAt - started))
    for (const timer of timers) clearTimeout(timer)
    const activeSeconds = (performance.now() - started) / 1000
    await until(() => this.tally.seen >= this.tally.expected, DRAIN_TIMEOUT_MS, 'every delivery').catch(
      () => {},
    )
    loop.disable()
    const pauses = reportPauses(gc.stop(), this.tally.slowFlights)
    return {
      sent: { ...this.sent },
      steadyEdits,
      deliveriesExpected: this.tally.expected,
      deliveriesSeen: this.tally.seen,
      latencies: Float64Array.from(this.tally.latencies),
      keystrokeLatencies: Float64Array.from(this.tally.keystrokeLatencies),
      burstLatencies: Float64Array.from(this.tally.burstLatencies),
      steadyLatencies: Float64Array.from(this.tally.steadyLatencies),
      warmupLatencies: Float64Array.from(this.tally.warmupLatencies),
      firstScreenLatencies: Float64Array.from(this.tally.firstScreenLatencies),
      bytesReceived: traffic.bytes - before.bytes,
      messagesReceived: traffic.messages - before.messages,
      receivedByKind: Object.fromEntries(
        Object.entries(traffic.byKind).map(([kind, now]) => {
          const then = before.byKind[kind] ?? { messages: 0, bytes: 0 }
          return [kind, { messages: now.messages - then.messages, bytes: now.bytes - then.bytes }]
        }),
      ),
      activeSeconds,
      closeCodes: closeCodes.slice(closesBefore),
      votesRefused: this.tally.refused,
      refereedVotes: this.refereed,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
      gcPauses: pauses,
    }
  }

  stop(): void {
    for (const stop of this.stopObserving) stop()
  }
}
