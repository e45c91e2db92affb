import type { PauseReport } from './gcPauses'
import type { ServerName } from './options'

/** Messages between the bench (parent) and its load-generator processes, over the fork IPC channel. */

export interface MainSetup {
  kind: 'main'
  server: ServerName
  httpUrl: string
  wsUrl: string
  /** Workshops this process runs, and the number of the first one (names stay unique across processes). */
  workshops: number
  firstWorkshop: number
  participants: number
}

export interface VoteBurstSetup {
  kind: 'voteBurst'
  server: ServerName
  httpUrl: string
  wsUrl: string
  participants: number
  votesEach: number
}

export interface Step {
  /**
   * Seconds of the same load before the measured part: a server that has just started (and the load processes)
   * first compile their hot paths, which a workshop's server did long before anyone typed. These edits are still
   * checked for delivery; their latencies are reported apart.
   */
  warmup: number
  /** Seconds of steady load. */
  duration: number
  /** Edits per second per participant. */
  rate: number
  /**
   * After the steady load, a burst phase of this many seconds (0: none): everyone in a workshop votes once within
   * one second, each workshop in its own second, spread over the phase (workshops do not vote in lockstep).
   */
  burstSeconds: number
}

export type ToLoad =
  { type: 'setup'; setup: MainSetup | VoteBurstSetup } | { type: 'step'; step: Step } | { type: 'close' }

export type ToBench =
  | { type: 'ready'; connections: number; setupSeconds: number }
  | { type: 'stepDone'; result: StepResult }
  | { type: 'voteBurstDone'; result: VoteBurstResult }
  | { type: 'closed' }
  | { type: 'failed'; message: string }

export interface EditCounts {
  keystrokes: number
  erasures: number
  moves: number
  votes: number
}

export interface StepResult {
  sent: EditCounts
  /** Edits sent during the steady load alone (after the warm-up, before the burst). */
  steadyEdits: number
  /** Every edit should reach every other participant of its workshop. */
  deliveriesExpected: number
  deliveriesSeen: number
  /** Edit-to-screen latencies in ms: keystrokes, moves and votes. */
  latencies: Float64Array
  /** Keystrokes only. */
  keystrokeLatencies: Float64Array
  /** Latencies of the votes cast during the burst. */
  burstLatencies: Float64Array
  /** Latencies of the edits sent before the burst began (the steady load alone). */
  steadyLatencies: Float64Array
  /** Latencies of the edits sent during the warm-up, in none of the above. */
  warmupLatencies: Float64Array
  /** Steady keystrokes, to the first other participant who shows them (the server's path alone). */
  firstScreenLatencies: Float64Array
  /** Bytes and messages the clients received from the server during the step (its egress, frame headers aside). */
  bytesReceived: number
  messagesReceived: number
  /** The same, by message kind (document updates, presence, command answers). */
  receivedByKind: Record<string, { messages: number; bytes: number }>
  /** Seconds edits were being sent (steady load plus burst). */
  activeSeconds: number
  /** Refereed votes the server refused (none expected). */
  votesRefused: number
  /** Votes went through Loupe's refereed commands (else: card example toggles). */
  refereedVotes: boolean
  /** Close codes the server sent during the step (none expected). */
  closeCodes: number[]
  /** The load process's own event-loop delay, ms: high values mean the generator, not the server, lagged. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** The load process's GC pauses during the step, and the slow deliveries that waited on one. */
  gcPauses: PauseReport
}

export type VoteBurstResult =
  | {
      measured: true
      votes: number
      /** From the last vote sent to every client showing the final tally, ms. */
      lastVoteToTallyMs: number
      /** From the first vote sent to every client showing the final tally, ms. */
      firstVoteToTallyMs: number
      /** How the tally was made visible (a document write, or the reveal). */
      how: string
    }
  | { measured: false; reason: string }
