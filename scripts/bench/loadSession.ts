import { fork, type ChildProcess } from 'node:child_process'
import { cpuMeter, cpuReadings } from './procStats'
import type {
  MainSetup,
  Step,
  StepResult,
  ToBench,
  ToLoad,
  VoteBurstResult,
  VoteBurstSetup,
} from './protocol'
import { REPO_ROOT, type ServerProcess } from './servers'

/** The bench's side of the load-generator processes: forks them, hands out workshops, merges their results. */

const LOAD_SCRIPT = 'scripts/bench/load.ts'

class LoadProcess {
  private readonly inbox: ToBench[] = []
  private wake: (() => void) | null = null
  private exited = false

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: ToBench) => {
      this.inbox.push(message)
      this.wake?.()
    })
    child.once('exit', () => {
      this.exited = true
      this.wake?.()
    })
  }

  static start(): LoadProcess {
    return new LoadProcess(
      fork(LOAD_SCRIPT, [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
        serialization: 'advanced',
        stdio: 'inherit',
      }),
    )
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('load process has no pid')
    return this.child.pid
  }

  send(message: ToLoad): void {
    this.child.send(message)
  }

  /** The next message of `type`; a failure report or an early exit rejects. */
  async next<T extends ToBench['type']>(
    type: T,
    timeoutMs = 300_000,
  ): Promise<Extract<ToBench, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type || m.type === 'failed')
      const found = index >= 0 ? this.inbox.splice(index, 1)[0] : undefined
      if (found?.type === 'failed') throw new Error(`load process failed: ${found.message}`)
      if (found) return found as Extract<ToBench, { type: T }>
      if (this.exited) throw new Error(`load process exited before ${type}`)
      if (Date.now() > deadline) throw new Error(`load process: no ${type} within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        this.wake = resolve
        setTimeout(resolve, 1000)
      })
      this.wake = null
    }
  }

  async close(): Promise<void> {
    if (this.exited) return
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    this.send({ type: 'close' })
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
    await gone
    clearTimeout(killer)
  }
}

export interface MeasuredStep extends StepResult {
  serverCpuSeconds: number
  /**
   * The same, phase by phase: the steady load alone is the fair comparison, without the warm-up (a fresh server
   * still compiling its hot paths) and without the burst (whose votes are different work on each server).
   */
  serverCpuByPhase: { warmup: number; steady: number; burstAndDrain: number }
  /** CPU seconds of each load process: one near the step's duration means it was saturated. */
  loadCpuSeconds: number[]
}

/** W workshops x P participants connected to one server, ready for steps. */
export class LoadSession {
  private constructor(
    private readonly server: ServerProcess,
    private readonly processes: LoadProcess[],
    readonly connections: number,
    readonly setupSeconds: number,
  ) {}

  static async open(
    server: ServerProcess,
    shape: { workshops: number; participants: number; processes: number },
  ) {
    const count = Math.min(shape.processes, shape.workshops)
    const processes = Array.from({ length: count }, () => LoadProcess.start())
    try {
      let first = 0
      processes.forEach((p, i) => {
        const workshops = Math.floor(shape.workshops / count) + (i < shape.workshops % count ? 1 : 0)
        const setup: MainSetup = {
          kind: 'main',
          server: server.name,
          httpUrl: server.httpUrl,
          wsUrl: server.wsUrl,
          workshops,
          firstWorkshop: first,
          participants: shape.participants,
        }
        first += workshops
        p.send({ type: 'setup', setup })
      })
      const ready = await Promise.all(processes.map((p) => p.next('ready')))
      const connections = ready.reduce((n, r) => n + r.connections, 0)
      return new LoadSession(server, processes, connections, Math.max(...ready.map((r) => r.setupSeconds)))
    } catch (error) {
      await Promise.all(processes.map((p) => p.close()))
      throw error
    }
  }

  async step(step: Step): Promise<MeasuredStep> {
    const meter = cpuMeter([this.server.pid, ...this.processes.map((p) => p.pid)])
    for (const p of this.processes) p.send({ type: 'step', step })
    const phases = cpuReadings(this.server.pid, [step.warmup, step.warmup + step.duration])
    const results = (await Promise.all(this.processes.map((p) => p.next('stepDone')))).map((m) => m.result)
    const [serverCpuSeconds = 0, ...loadCpuSeconds] = meter.stop()
    const [atSteady = Number.NaN, atBurst = Number.NaN] = await phases
    const [atStart = Number.NaN] = meter.started
    return {
      ...mergeSteps(results),
      serverCpuSeconds,
      serverCpuByPhase: {
        warmup: atSteady - atStart,
        steady: atBurst - atSteady,
        burstAndDrain: atStart + serverCpuSeconds - atBurst,
      },
      loadCpuSeconds,
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.close()))
  }
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0))
  let offset = 0
  for (const a of arrays) {
    out.set(a, offset)
    offset += a.length
  }
  return out
}

function mergeKinds(all: ReadonlyArray<StepResult['receivedByKind']>): StepResult['receivedByKind'] {
  const merged: StepResult['receivedByKind'] = {}
  for (const kinds of all) {
    for (const [kind, { messages, bytes }] of Object.entries(kinds)) {
      const entry = (merged[kind] ??= { messages: 0, bytes: 0 })
      entry.messages += messages
      entry.bytes += bytes
    }
  }
  return merged
}

function mergeSteps(results: readonly StepResult[]): StepResult {
  const sum = (pick: (r: StepResult) => number) => results.reduce((n, r) => n + pick(r), 0)
  return {
    steadyEdits: sum((r) => r.steadyEdits),
    sent: {
      keystrokes: sum((r) => r.sent.keystrokes),
      erasures: sum((r) => r.sent.erasures),
      moves: sum((r) => r.sent.moves),
      votes: sum((r) => r.sent.votes),
    },
    deliveriesExpected: sum((r) => r.deliveriesExpected),
    deliveriesSeen: sum((r) => r.deliveriesSeen),
    latencies: concat(results.map((r) => r.latencies)),
    keystrokeLatencies: concat(results.map((r) => r.keystrokeLatencies)),
    burstLatencies: concat(results.map((r) => r.burstLatencies)),
    steadyLatencies: concat(results.map((r) => r.steadyLatencies)),
    warmupLatencies: concat(results.map((r) => r.warmupLatencies)),
    firstScreenLatencies: concat(results.map((r) => r.firstScreenLatencies)),
    bytesReceived: sum((r) => r.bytesReceived),
    messagesReceived: sum((r) => r.messagesReceived),
    receivedByKind: mergeKinds(results.map((r) => r.receivedByKind)),
    activeSeconds: Math.max(...results.map((r) => r.activeSeconds)),
    closeCodes: results.flatMap((r) => r.closeCodes),
    votesRefused: sum((r) => r.votesRefused),
    refereedVotes: results.every((r) => r.refereedVotes),
    loopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...results.map((r) => r.loopDelayMaxMs)),
    gcPauses: {
      pauses: sum((r) => r.gcPauses.pauses),
      pausedMs: sum((r) => r.gcPauses.pausedMs),
      longestMs: Math.max(...results.map((r) => r.gcPauses.longestMs)),
      slowDeliveries: sum((r) => r.gcPauses.slowDeliveries),
      slowDuringPause: sum((r) => r.gcPauses.slowDuringPause),
    },
  }
}

/** Runs the vote burst in a load process of its own. */
export async function voteBurst(
  server: ServerProcess,
  participants: number,
  votesEach: number,
): Promise<VoteBurstResult> {
  const p = LoadProcess.start()
  try {
    const setup: VoteBurstSetup = {
      kind: 'voteBurst',
      server: server.name,
      httpUrl: server.httpUrl,
      wsUrl: server.wsUrl,
      participants,
      votesEach,
    }
    p.send({ type: 'setup', setup })
    return (await p.next('voteBurstDone')).result
  } finally {
    await p.close()
  }
}
