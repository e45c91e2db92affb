import * as Y from 'yjs'
import {
  addCard,
  addPerspective,
  deleteCard,
  deletePerspective,
  moveCard,
  movePerspective,
  resolveText,
  setCardExample,
  spliceText,
  type TextRef,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'

/** The convergence fuzz test's world: replicas of one workshop, people acting on them, and a network that delivers late and out of order. */

export const REPLICAS = 3

/** One thing that happens: an edit on a replica (numbers pick among what that replica sees), or a message moving. */
export type Step =
  | { op: 'addCard'; at: number; theme: number; list: number; index: number; text: string }
  | { op: 'moveCard'; at: number; card: number; theme: number; list: number; index: number }
  | { op: 'deleteCard'; at: number; card: number }
  | { op: 'addPerspective'; at: number; theme: number; index: number }
  | { op: 'movePerspective'; at: number; perspective: number; index: number }
  | { op: 'deletePerspective'; at: number; perspective: number }
  | { op: 'splice'; at: number; card: number; index: number; deleteCount: number; insert: string }
  | { op: 'toggleExample'; at: number; card: number }
  | { op: 'type'; typist: 0 | 1 }
  | { op: 'send'; from: number; to: number; delay: boolean }
  | { op: 'deliver'; pick: number }

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length]
}

/** A fixed source of randomness, so that record ids, and the ties they break, repeat from run to run. */
export function seededRandom(seed: number): (target: Uint8Array) => void {
  let state = seed >>> 0
  return (target) => {
    for (let i = 0; i < target.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      target[i] = (t ^ (t >>> 14)) & 0xff
    }
  }
}

/** Three replicas of one workshop and the messages in flight between them. */
export class ReplicaNetwork {
  readonly docs: Y.Doc[]
  readonly created = new Set<string>()
  readonly deleted = new Set<string>()
  private readonly queue: { to: number; update: Uint8Array }[] = []
  private readonly carets: (Y.RelativePosition | null)[]
  private readonly typed = [0, 0]

  constructor(
    base: Y.Doc,
    readonly sharedCard: TextRef,
    /** What replicas 0 and 1 type, letter by letter, into the shared card. */
    readonly markers: readonly [string, string],
    startCarets: readonly [number, number],
  ) {
    for (const card of readBoard(base).cards) this.created.add(card.id)
    const state = Y.encodeStateAsUpdate(base)
    this.docs = Array.from({ length: REPLICAS }, (_, i) => {
      const doc = new Y.Doc()
      doc.clientID = i + 1
      Y.applyUpdate(doc, state)
      return doc
    })
    const text = resolveText(base, sharedCard)
    if (!text) throw new Error('the shared card is missing')
    // Anchored to the letter before the caret, so each typist keeps typing after their own last letter.
    this.carets = startCarets.map((index) =>
      index === 0 ? null : Y.createRelativePositionFromTypeIndex(text, index, -1),
    )
  }

  run(s: Step): void {
    if (s.op === 'send') return this.send(s.from, s.to, s.delay)
    if (s.op === 'deliver') return this.deliver(s.pick)
    if (s.op === 'type') return this.type(s.typist)
    const doc = this.docs[s.at]
    if (!doc) return
    const board = readBoard(doc)
    const themeId = 'theme' in s ? pick(board.themes, s.theme)?.id : undefined
    const listOf = (tid: string, n: number) =>
      pick([null, ...board.perspectives.filter((p) => p.themeId === tid).map((p) => p.id)], n) ?? null
    // The shared card is only ever typed into, so that the typists' letters can be checked whole at the end.
    const cards = board.cards.filter((c) => c.id !== this.sharedCard.id)
    switch (s.op) {
      case 'addCard': {
        if (themeId === undefined) return
        const id = addCard(doc, {
          themeId,
          perspectiveId: listOf(themeId, s.list),
          text: s.text,
          author: `p${s.at}`,
          index: s.index,
        })
        if (id !== null) this.created.add(id)
        return
      }
      case 'moveCard': {
        const card = pick(board.cards, s.card)
        if (card && themeId !== undefined)
          moveCard(doc, card.id, { themeId, perspectiveId: listOf(themeId, s.list), index: s.index })
        return
      }
      case 'deleteCard': {
        const card = pick(cards, s.card)
        if (card && deleteCard(doc, card.id)) this.deleted.add(card.id)
        return
      }
      case 'addPerspective':
        if (themeId !== undefined)
          addPerspective(doc, { themeId, title: `Perspective ${s.index}`, index: s.index })
        return
      case 'movePerspective': {
        const perspective = pick(board.perspectives, s.perspective)
        if (perspective) movePerspective(doc, perspective.id, s.index)
        return
      }
      case 'deletePerspective': {
        const perspective = pick(board.perspectives, s.perspective)
        if (perspective) deletePerspective(doc, perspective.id)
        return
      }
      case 'splice': {
        const card = pick(cards, s.card)
        if (card)
          spliceText(doc, { kind: 'card', id: card.id, field: 'text' }, s.index, s.deleteCount, s.insert)
        return
      }
      case 'toggleExample': {
        const card = pick(board.cards, s.card)
        if (card) setCardExample(doc, card.id, !card.example)
        return
      }
    }
  }

  /** Typist `who` (on replica `who`) types the next letter of their marker at their caret. */
  type(who: 0 | 1): void {
    const marker = this.markers[who]
    const doc = this.docs[who]
    const letter = marker[this.typed[who] ?? 0]
    const text = doc && resolveText(doc, this.sharedCard)
    if (!letter || !text) return
    const caret = this.carets[who]
    const index = caret ? Y.createAbsolutePositionFromRelativePosition(caret, doc)?.index : 0
    if (index === undefined) throw new Error('a caret lost its place')
    spliceText(doc, this.sharedCard, index, 0, letter)
    this.carets[who] = Y.createRelativePositionFromTypeIndex(text, index + 1, -1)
    this.typed[who] = (this.typed[who] ?? 0) + 1
  }

  finishTyping(): void {
    for (const who of [0, 1] as const)
      while ((this.typed[who] ?? 0) < this.markers[who].length) this.type(who)
  }

  send(from: number, to: number, delay: boolean): void {
    const source = this.docs[from]
    const target = this.docs[to]
    if (!source || !target || from === to) return
    const update = Y.encodeStateAsUpdate(source, Y.encodeStateVector(target))
    if (delay) this.queue.push({ to, update })
    else Y.applyUpdate(target, update)
  }

  deliver(n: number): void {
    if (this.queue.length === 0) return
    const [message] = this.queue.splice(n % this.queue.length, 1)
    const target = message && this.docs[message.to]
    if (message && target) Y.applyUpdate(target, message.update)
  }

  syncAll(): void {
    for (let round = 0; round < 2; round++) {
      for (let from = 0; from < REPLICAS; from++)
        for (let to = 0; to < REPLICAS; to++) this.send(from, to, false)
    }
  }

  /** Late messages still in flight arrive after everything else, newest first. */
  drainLate(): void {
    while (this.queue.length > 0) this.deliver(this.queue.length - 1)
  }
}
