import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { SLOW_DELIVERY_MS } from './gcPauses'

/**
 * Edit-to-screen latency without touching the schema: every keystroke types a character that names its typist and
 * sequence number (one CJK ideograph per slot), and every card move or vote is the n-th change of one card field.
 * Senders note the send time in a table of their workshop; every other participant's observer looks it up.
 * All clients of a workshop live in one process, so the times share a clock.
 */

const FIRST_CODE = 0x4e00
const CODE_COUNT = 0x9fff - FIRST_CODE + 1

/** Keystroke slots of one workshop: each participant owns a range of characters, reused round-robin. */
export class KeystrokeCodec {
  readonly slots: number

  constructor(readonly participants: number) {
    this.slots = Math.floor(CODE_COUNT / participants)
    if (this.slots < 16)
      throw new Error(`too many participants per workshop to tell keystrokes apart (${participants})`)
  }

  char(participant: number, seq: number): string {
    return String.fromCharCode(FIRST_CODE + participant * this.slots + (seq % this.slots))
  }

  /** The table index of a character, or -1 when no participant typed it. */
  indexOf(code: number): number {
    const index = code - FIRST_CODE
    return index >= 0 && index < this.participants * this.slots ? index : -1
  }

  owns(participant: number, code: number): boolean {
    const index = this.indexOf(code)
    return index >= 0 && Math.floor(index / this.slots) === participant
  }
}

/** What a process measures: deliveries and latencies (ms). */
export class Tally {
  expected = 0
  seen = 0
  latencies: number[] = []
  /** The keystrokes' share of `latencies`: text typed into a card, relayed as it is. */
  keystrokeLatencies: number[] = []
  burstLatencies: number[] = []
  /** Edits sent before the vote burst began: the steady load on its own, which the latency targets are about. */
  steadyLatencies: number[] = []
  /** Edits sent during the warm-up: delivered and counted, but kept out of every other latency list. */
  warmupLatencies: number[] = []
  /**
   * Steady keystrokes, to the first of the other participants to show them: the server's path alone. The rest of a
   * keystroke's deliveries also wait for the receivers before them, which share the load process (and its core).
   */
  firstScreenLatencies: number[] = []
  /** When the measured load begins (performance.now()), after the warm-up. */
  measureFrom = 0
  /** When the vote burst begins (performance.now()); edits sent from then on are not steady. */
  burstFrom = Number.POSITIVE_INFINITY
  /** Refereed votes the server refused (none expected). */
  refused = 0
  /** Send and arrival times of the deliveries slower than SLOW_DELIVERY_MS, in pairs. */
  slowFlights: number[] = []

  /** One delivery of an edit sent at `sentAt`, seen `latency` ms later. */
  record(latency: number, sentAt: number, kind: 'keystroke' | 'burst vote' | 'other'): void {
    this.seen++
    if (sentAt < this.measureFrom) {
      this.warmupLatencies.push(latency)
      return
    }
    this.latencies.push(latency)
    if (kind === 'keystroke') this.keystrokeLatencies.push(latency)
    else if (kind === 'burst vote') this.burstLatencies.push(latency)
    if (this.isSteady(sentAt)) this.steadyLatencies.push(latency)
    if (latency > SLOW_DELIVERY_MS) this.slowFlights.push(sentAt, sentAt + latency)
  }

  /** The first delivery of a keystroke sent at `sentAt`, `latency` ms later (recorded by `record` too). */
  recordFirstScreen(latency: number, sentAt: number): void {
    if (this.isSteady(sentAt)) this.firstScreenLatencies.push(latency)
  }

  /** Sent after the warm-up and before the vote burst: the steady load the latency targets are about. */
  private isSteady(sentAt: number): boolean {
    return sentAt >= this.measureFrom && sentAt < this.burstFrom
  }

  reset(): void {
    this.expected = 0
    this.seen = 0
    this.refused = 0
    this.latencies = []
    this.keystrokeLatencies = []
    this.burstLatencies = []
    this.steadyLatencies = []
    this.slowFlights = []
    this.warmupLatencies = []
    this.firstScreenLatencies = []
    this.measureFrom = 0
    this.burstFrom = Number.POSITIVE_INFINITY
  }
}

type FieldSends = Array<{ at: number; burst: boolean }>

/** Send times of one workshop's edits. */
export class SendLog {
  readonly keystrokes: Float64Array
  /** 1 once some participant has shown the keystroke in that slot. */
  private readonly shown: Uint8Array
  private readonly fields = new Map<string, FieldSends>()

  constructor(
    readonly codec: KeystrokeCodec,
    private readonly tally: Tally,
  ) {
    this.keystrokes = new Float64Array(codec.participants * codec.slots)
    this.shown = new Uint8Array(codec.participants * codec.slots)
  }

  /** Records a keystroke about to be sent; returns the character to type. */
  keystroke(participant: number, seq: number): string {
    const char = this.codec.char(participant, seq)
    const index = this.codec.indexOf(char.charCodeAt(0))
    this.keystrokes[index] = performance.now()
    this.shown[index] = 0
    this.tally.expected += this.codec.participants - 1
    return char
  }

  /** Records an edit that is only counted on arrival (an erasure). */
  uncounted(): void {
    this.tally.expected += this.codec.participants - 1
  }

  /** Records the next change of a card's field (`place` for a move, `example` for a vote). */
  fieldChange(cardId: string, field: string, burst: boolean): void {
    const key = `${cardId}|${field}`
    let sends = this.fields.get(key)
    if (!sends) this.fields.set(key, (sends = []))
    sends.push({ at: performance.now(), burst })
    this.tally.expected += this.codec.participants - 1
  }

  /** A refereed vote: delivered when the server's answer reaches the voter (the dot shows on their screen). */
  command(answer: Promise<{ ok: boolean }>, burst: boolean): void {
    const at = performance.now()
    this.tally.expected++
    answer.then(
      (reply) => {
        if (!reply.ok) return void this.tally.refused++
        this.tally.record(performance.now() - at, at, burst ? 'burst vote' : 'other')
      },
      () => {},
    )
  }

  /** A participant shows the keystroke of slot `index`, `now`. */
  keystrokeShown(index: number, now: number): void {
    const sentAt = this.keystrokes[index] ?? now
    this.tally.record(now - sentAt, sentAt, 'keystroke')
    if (this.shown[index] === 1) return
    this.shown[index] = 1
    this.tally.recordFirstScreen(now - sentAt, sentAt)
  }

  fieldSend(cardId: string, field: string, n: number): { at: number; burst: boolean } | undefined {
    return this.fields.get(`${cardId}|${field}`)?.[n]
  }
}

const MEASURED_FIELDS = new Set(['place', 'example'])

/** Watches one participant's document for the others' edits; returns a function that stops watching. */
export function observeDeliveries(doc: Y.Doc, log: SendLog, tally: Tally): () => void {
  const cards = roots(doc).cards
  const fieldChanges = new Map<string, number>()
  const onEvents = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    if (transaction.local) return
    const now = performance.now()
    for (const event of events) {
      if (event instanceof Y.YTextEvent) {
        let erased = false
        for (const op of event.delta) {
          if (typeof op.insert === 'string') {
            for (let i = 0; i < op.insert.length; i++) {
              const index = log.codec.indexOf(op.insert.charCodeAt(i))
              if (index >= 0) log.keystrokeShown(index, now)
            }
          } else if (op.delete) erased = true
        }
        if (erased) tally.seen++
      } else if (event instanceof Y.YMapEvent && event.target.parent === cards) {
        const cardId = event.target._item?.parentSub
        if (!cardId) continue
        for (const field of event.keysChanged) {
          if (!MEASURED_FIELDS.has(field)) continue
          const key = `${cardId}|${field}`
          const n = fieldChanges.get(key) ?? 0
          fieldChanges.set(key, n + 1)
          const sent = log.fieldSend(cardId, field, n)
          if (!sent) continue
          tally.record(now - sent.at, sent.at, sent.burst ? 'burst vote' : 'other')
        }
      }
    }
  }
  cards.observeDeep(onEvents)
  return () => cards.unobserveDeep(onEvents)
}
