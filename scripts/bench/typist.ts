import { roots } from '../../shared/doc'
import { moveCard, resolveText, setCardExample, spliceText, type TextRef } from '../../shared/ops'
import type { Ballot } from './ballots'
import { fieldItem, type SendLog } from './deliveries'
import type { EditCounts } from './protocol'
import type { Seat } from './workshops'

/**
 * One participant's behaviour: types into a card shared with two others (a run of characters, then erases the run,
 * as people rewrite a sentence), and now and then moves their own card or votes. Every edit is one update.
 */

/** Out of 100 edits: moves and votes; the rest are keystrokes (or the erasure that ends a run). */
const MOVES_PER_100 = 8
const VOTES_PER_100 = 7

export class Typist {
  private seq = 0
  private runLeft = 0
  private readonly target: TextRef

  constructor(
    private readonly seat: Seat,
    /** The card this participant co-types with others: the first card of its group of three. */
    targetCardId: string,
    private readonly log: SendLog,
    private readonly sent: EditCounts,
    private readonly random: () => number,
    /** Loupe with refereed votes: this participant's dots; otherwise a vote is a card example toggle. */
    private readonly ballot: Ballot | null,
  ) {
    this.target = { kind: 'card', id: targetCardId, field: 'text' }
  }

  /** One edit, picked at random with human-like odds. */
  act(burst: boolean): void {
    const roll = this.random() * 100
    if (roll < MOVES_PER_100) this.move()
    else if (roll < MOVES_PER_100 + VOTES_PER_100) this.vote(burst)
    else this.type()
  }

  /** A vote: a refereed vote command on Loupe, otherwise a card example toggle (a small map write) stands in. */
  vote(burst: boolean): void {
    if (this.ballot) {
      this.log.command(this.ballot.channel.send(this.ballot.nextCommand()), burst)
      this.sent.votes++
      return
    }
    const card = roots(this.seat.client.doc).cards.get(this.seat.ownCardId)
    if (!card) return
    const sent = this.log.fieldChange(this.seat.ownCardId, 'example', burst)
    setCardExample(this.seat.client.doc, this.seat.ownCardId, card.get('example') !== true)
    sent.item = fieldItem(roots(this.seat.client.doc).cards, this.seat.ownCardId, 'example')
    this.sent.votes++
  }

  private move(): void {
    const doc = this.seat.client.doc
    const themeIds = [...roots(doc).themes.keys()]
    const themeId = themeIds[Math.floor(this.random() * themeIds.length)]
    if (!themeId) return
    const sent = this.log.fieldChange(this.seat.ownCardId, 'place', false)
    moveCard(doc, this.seat.ownCardId, { themeId, perspectiveId: null, index: Math.floor(this.random() * 8) })
    sent.item = fieldItem(roots(doc).cards, this.seat.ownCardId, 'place')
    this.sent.moves++
  }

  private type(): void {
    const doc = this.seat.client.doc
    const text = resolveText(doc, this.target)
    if (!text) return
    const content = text.toString()
    if (this.runLeft === 0) {
      this.runLeft = 8 + Math.floor(this.random() * 13)
      if (this.erase(content)) return
    }
    // Right after this participant's last character, or at the end when starting a run.
    let cursor = content.length
    for (let i = content.length - 1; i >= 0; i--) {
      if (this.log.codec.owns(this.seat.index, content.charCodeAt(i))) {
        cursor = i + 1
        break
      }
    }
    const char = this.log.keystroke(this.seat.index, this.seq++)
    spliceText(doc, this.target, cursor, 0, char)
    this.runLeft--
    this.sent.keystrokes++
  }

  /** Erases this participant's previous run in one update; false when there was nothing to erase. */
  private erase(content: string): boolean {
    const blocks: Array<[number, number]> = []
    for (let i = 0; i < content.length; i++) {
      if (!this.log.codec.owns(this.seat.index, content.charCodeAt(i))) continue
      const last = blocks[blocks.length - 1]
      if (last && last[0] + last[1] === i) last[1]++
      else blocks.push([i, 1])
    }
    if (blocks.length === 0) return false
    this.log.erasure(this.seat.index)
    const doc = this.seat.client.doc
    // From the end, so earlier indexes stay right; one transaction, so one update.
    doc.transact(() => {
      for (const [start, length] of blocks.reverse()) spliceText(doc, this.target, start, length, '')
    })
    this.sent.erasures++
    return true
  }
}

/** A seeded pseudo-random generator (mulberry32), so two servers get the same sequence of edits. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
