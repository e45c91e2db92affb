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

/** One change of a card field: when it was sent, and the Yjs item that holds the value it wrote. */
export interface FieldSend {
  at: number
  burst: boolean
  item: Y.ID | null
}

/** Send times of one workshop's edits. */
export class SendLog {
  readonly keystrokes: Float64Array
  /** 1 once some participant has shown the keystroke in that slot. */
  private readonly shown: Uint8Array
  private readonly fields = new Map<string, FieldSend[]>()
  /** Each participant's last keystroke slot sent, and that slot when they last erased (-1: none yet). */
  private readonly lastSlotSent: Int32Array
  readonly slotAtErasure: Int32Array

  constructor(
    readonly codec: KeystrokeCodec,
    private readonly tally: Tally,
  ) {
    this.keystrokes = new Float64Array(codec.participants * codec.slots)
    this.shown = new Uint8Array(codec.participants * codec.slots)
    this.lastSlotSent = new Int32Array(codec.participants).fill(-1)
    this.slotAtErasure = new Int32Array(codec.participants).fill(-1)
  }

  /** Records a keystroke about to be sent; returns the character to type. */
  keystroke(participant: number, seq: number): string {
    const char = this.codec.char(participant, seq)
    const index = this.codec.indexOf(char.charCodeAt(0))
    this.keystrokes[index] = performance.now()
    this.shown[index] = 0
    this.lastSlotSent[participant] = index % this.codec.slots
    this.tally.expected += this.codec.participants - 1
    return char
  }

  /** Records `participant` erasing their characters, an edit that is only counted on arrival. */
  erasure(participant: number): void {
    this.slotAtErasure[participant] = this.lastSlotSent[participant] ?? -1
    this.tally.expected += this.codec.participants - 1
  }

  /**
   * Records the next change of a card's field (`place` for a move, `example` for a vote); the sender fills in
   * `item` once written.
   */
  fieldChange(cardId: string, field: string, burst: boolean): FieldSend {
    const key = `${cardId}|${field}`
    let sends = this.fields.get(key)
    if (!sends) this.fields.set(key, (sends = []))
    const send: FieldSend = { at: performance.now(), burst, item: null }
    sends.push(send)
    this.tally.expected += this.codec.participants - 1
    return send
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

  fieldSends(cardId: string, field: string): readonly FieldSend[] {
    return this.fields.get(`${cardId}|${field}`) ?? []
  }
}

/** The Yjs item holding a card field's current value. */
export function fieldItem(
  cards: ReturnType<typeof roots>['cards'],
  cardId: string,
  field: string,
): Y.ID | null {
  return cards.get(cardId)?._map.get(field)?.id ?? null
}

const MEASURED_FIELDS = new Set(['place', 'example'])

/**
 * Watches one participant's document for the others' edits; returns a function that stops watching.
 *
 * A server may relay several edits as one update, so an edit can reach a screen already overwritten: a keystroke
 * erased in the same update, a card moved twice. Such an edit counts as delivered when what replaced it arrives. A
 * typist's keystrokes reach each screen in the order typed, so a keystroke shown after a gap delivers the gap; a
 * field's value names the change that wrote it (its item), which delivers every earlier change of that field.
 */
export function observeDeliveries(doc: Y.Doc, log: SendLog, tally: Tally): () => void {
  const cards = roots(doc).cards
  const { codec } = log
  const fieldChanges = new Map<string, number>()
  /** Per typist, the last keystroke slot this screen accounted for. */
  const shownThrough = new Int32Array(codec.participants).fill(-1)
  /**
   * Accounts for a typist's keystrokes up to `slot` (those this screen never showed were overwritten on the way);
   * false when `slot` is not ahead of what it accounted for (slots are reused round-robin, so "ahead" is the nearer
   * half of the ring).
   */
  const showThrough = (typist: number, slot: number, now: number): boolean => {
    const last = shownThrough[typist] ?? -1
    const ahead = (slot - last + codec.slots) % codec.slots
    if (ahead === 0 || ahead > codec.slots / 2) return false
    for (let step = 1; step <= ahead; step++)
      log.keystrokeShown(typist * codec.slots + ((last + step) % codec.slots), now)
    shownThrough[typist] = slot
    return true
  }
  const onEvents = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    if (transaction.local) return
    const now = performance.now()
    for (const event of events) {
      if (event instanceof Y.YTextEvent) {
        let erased = false
        for (const op of event.delta) {
          if (typeof op.insert === 'string') {
            for (let i = 0; i < op.insert.length; i++) {
              const index = codec.indexOf(op.insert.charCodeAt(i))
              if (index < 0) continue
              if (!showThrough(Math.floor(index / codec.slots), index % codec.slots, now))
                log.keystrokeShown(index, now)
            }
          } else if (op.delete) erased = true
        }
        if (!erased) continue
        const erasers = typistsErasedIn(event, codec)
        tally.seen += Math.max(1, erasers.size)
        for (const typist of erasers) {
          const through = log.slotAtErasure[typist] ?? -1
          if (through >= 0) showThrough(typist, through, now)
        }
      } else if (event instanceof Y.YMapEvent && event.target.parent === cards) {
        const cardId = event.target._item?.parentSub
        if (!cardId) continue
        for (const field of event.keysChanged) {
          if (!MEASURED_FIELDS.has(field)) continue
          const key = `${cardId}|${field}`
          const from = fieldChanges.get(key) ?? 0
          const sends = log.fieldSends(cardId, field)
          const current = fieldItem(cards, cardId, field)
          let upTo = from
          for (let i = from; current && i < sends.length; i++) {
            const item = sends[i]?.item
            if (item && Y.compareIDs(item, current)) upTo = i
          }
          fieldChanges.set(key, upTo + 1)
          for (let i = from; i <= upTo && i < sends.length; i++) {
            const sent = sends[i]
            if (sent) tally.record(now - sent.at, sent.at, sent.burst ? 'burst vote' : 'other')
          }
        }
      }
    }
  }
  cards.observeDeep(onEvents)
  return () => cards.unobserveDeep(onEvents)
}

/**
 * The typists whose characters one text event erased: a typist erases only their own characters, so each is one
 * erasure (a server may relay several typists' erasures of the same card as one update).
 */
function typistsErasedIn(event: Y.YTextEvent, codec: KeystrokeCodec): Set<number> {
  const typists = new Set<number>()
  // A text event lists no deleted items (its `changes` only carry the delta): walk the text's items instead.
  for (let item = event.target._start; item !== null; item = item.right) {
    if (!event.deletes(item)) continue
    for (const char of item.content.getContent()) {
      if (typeof char !== 'string') continue
      const index = codec.indexOf(char.charCodeAt(0))
      if (index >= 0) typists.add(Math.floor(index / codec.slots))
    }
  }
  return typists
}
