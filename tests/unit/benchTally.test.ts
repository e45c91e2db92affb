import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fieldItem, KeystrokeCodec, observeDeliveries, SendLog, Tally } from '../../scripts/bench/deliveries'
import { SLOW_DELIVERY_MS } from '../../scripts/bench/gcPauses'
import { roots } from '../../shared/doc'
import { addCard, initWorkshop, moveCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { DEFAULT_TEMPLATE } from '../../shared/templates'

describe('bench: what each delivery counts towards', () => {
  it('keeps warm-up edits out of the measured latencies but counts their delivery', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.burstFrom = 5000
    tally.record(80, 500, 'keystroke')
    tally.record(3, 1500, 'keystroke')
    tally.record(20, 4000, 'other')
    tally.record(40, 6000, 'burst vote')
    expect(tally.seen).toBe(4)
    expect(tally.warmupLatencies).toEqual([80])
    expect(tally.latencies).toEqual([3, 20, 40])
    expect(tally.keystrokeLatencies).toEqual([3])
    expect(tally.steadyLatencies).toEqual([3, 20])
    expect(tally.burstLatencies).toEqual([40])
    // Only measured deliveries past the threshold, as [sent, arrived] pairs.
    expect(SLOW_DELIVERY_MS).toBeLessThan(20)
    expect(tally.slowFlights).toEqual([4000, 4020, 6000, 6040])
  })

  it("times a steady keystroke's first screen once, however many participants show it", () => {
    const tally = new Tally()
    const log = new SendLog(new KeystrokeCodec(3), tally)
    tally.measureFrom = performance.now() - 1
    const sent = log.keystroke(0, 0).charCodeAt(0)
    const index = log.codec.indexOf(sent)
    const sentAt = log.keystrokes[index] ?? 0
    log.keystrokeShown(index, sentAt + 4)
    log.keystrokeShown(index, sentAt + 9)
    expect(tally.firstScreenLatencies).toEqual([4])
    expect(tally.keystrokeLatencies).toEqual([4, 9])
    // The slot comes round again for a later keystroke: its first screen is timed anew.
    log.keystroke(0, log.codec.slots)
    const again = log.keystrokes[index] ?? 0
    log.keystrokeShown(index, again + 2)
    expect(tally.firstScreenLatencies).toEqual([4, 2])
  })

  it('leaves warm-up and burst keystrokes out of the first screen', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.burstFrom = 5000
    tally.recordFirstScreen(50, 500)
    tally.recordFirstScreen(3, 2000)
    tally.recordFirstScreen(60, 6000)
    expect(tally.firstScreenLatencies).toEqual([3])
  })

  it('starts each step from nothing', () => {
    const tally = new Tally()
    tally.measureFrom = 1000
    tally.record(80, 500, 'keystroke')
    tally.record(30, 1500, 'keystroke')
    tally.recordFirstScreen(30, 1500)
    tally.reset()
    expect(tally.measureFrom).toBe(0)
    expect([
      tally.seen,
      tally.latencies.length,
      tally.warmupLatencies.length,
      tally.slowFlights.length,
      tally.firstScreenLatencies.length,
    ]).toEqual([0, 0, 0, 0, 0])
  })
})

/** A workshop with one card, as a first participant wrote it; other copies start from its state. */
function workshopWithCard() {
  const doc = new Y.Doc()
  initWorkshop(doc, { title: 'Atelier', date: '', place: '', organiser: '', createdAt: 0 }, DEFAULT_TEMPLATE)
  const themeIds = readBoard(doc).themes.map((theme) => theme.id)
  const cardId = addCard(doc, { themeId: themeIds[0]!, perspectiveId: null, text: '', author: 'p1' })!
  const target = { kind: 'card' as const, id: cardId, field: 'text' as const }
  const copy = () => {
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    return other
  }
  return { doc, cardId, target, themeIds, copy }
}

/** The update `edit` makes to `doc`. */
function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  edit()
  return Y.encodeStateAsUpdate(doc, before)
}

function erase(doc: Y.Doc, codec: KeystrokeCodec, typist: number, target: TextRef): void {
  const content = resolveText(doc, target)!.toString()
  doc.transact(() => {
    for (let i = content.length - 1; i >= 0; i--)
      if (codec.owns(typist, content.charCodeAt(i))) spliceText(doc, target, i, 1, '')
  })
}

describe('bench: deliveries when a server relays several edits as one update', () => {
  it('counts each typist whose characters went as one erasure', () => {
    const codec = new KeystrokeCodec(3)
    const { doc: first, target, copy } = workshopWithCard()
    spliceText(first, target, 0, 0, codec.char(0, 0) + codec.char(0, 1))
    const second = copy()
    spliceText(second, target, 2, 0, codec.char(1, 0))
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(first))

    const tally = new Tally()
    const stop = observeDeliveries(receiver, new SendLog(codec, tally), tally)
    const erasures = [first, second].map((doc, typist) =>
      updateOf(doc, () => erase(doc, codec, typist, target)),
    )
    Y.applyUpdate(receiver, Y.mergeUpdates(erasures))
    stop()
    expect(resolveText(receiver, target)?.toString()).toBe('')
    expect(tally.seen).toBe(2)
  })

  /** One typist (participant 0) and a receiving screen that watches for deliveries. */
  function typingScene() {
    const codec = new KeystrokeCodec(3)
    const { doc: typist, target, copy } = workshopWithCard()
    const receiver = copy()
    const tally = new Tally()
    const log = new SendLog(codec, tally)
    const stop = observeDeliveries(receiver, log, tally)
    return {
      codec,
      tally,
      stop,
      shown: () => resolveText(receiver, target)?.toString(),
      receive: (...updates: Uint8Array[]) => Y.applyUpdate(receiver, Y.mergeUpdates(updates)),
      type(seq: number) {
        const at = resolveText(typist, target)!.length
        return updateOf(typist, () => spliceText(typist, target, at, 0, log.keystroke(0, seq)))
      },
      erase() {
        log.erasure(0)
        return updateOf(typist, () => erase(typist, codec, 0, target))
      },
    }
  }

  it('delivers a keystroke erased in the same update that brought it, with the erasure', () => {
    const scene = typingScene()
    scene.receive(scene.type(0))
    expect(scene.tally.keystrokeLatencies).toHaveLength(1)
    // The second keystroke and the erasure of both reach the receiver together: it never shows the second.
    const second = scene.type(1)
    scene.receive(second, scene.erase())
    expect(scene.tally.keystrokeLatencies).toHaveLength(2)
    // A new run: its first keystroke shows as usual, once.
    scene.receive(scene.type(2))
    scene.stop()
    expect(scene.shown()).toBe(scene.codec.char(0, 2))
    expect(scene.tally.keystrokeLatencies).toHaveLength(3)
    expect(scene.tally.seen).toBe(4)
  })

  it('delivers an erased keystroke once when the erasure comes in one update with the next keystroke', () => {
    const scene = typingScene()
    scene.receive(scene.type(0))
    const second = scene.type(1)
    const erasure = scene.erase()
    scene.receive(second, erasure, scene.type(2))
    scene.stop()
    expect(scene.shown()).toBe(scene.codec.char(0, 2))
    expect(scene.tally.keystrokeLatencies).toHaveLength(3)
    expect(scene.tally.seen).toBe(4)
  })

  it('delivers a card move overwritten by the next move in the same update', () => {
    const codec = new KeystrokeCodec(3)
    const { doc: mover, cardId, themeIds, copy } = workshopWithCard()
    const receiver = copy()
    const tally = new Tally()
    const log = new SendLog(codec, tally)
    const stop = observeDeliveries(receiver, log, tally)
    const move = (themeId: string) =>
      updateOf(mover, () => {
        const sent = log.fieldChange(cardId, 'place', false)
        moveCard(mover, cardId, { themeId, perspectiveId: null, index: 0 })
        sent.item = fieldItem(roots(mover).cards, cardId, 'place')
      })
    Y.applyUpdate(receiver, Y.mergeUpdates([move(themeIds[1]!), move(themeIds[0]!)]))
    expect(tally.seen).toBe(2)
    Y.applyUpdate(receiver, move(themeIds[1]!))
    stop()
    expect(tally.seen).toBe(3)
    expect(tally.latencies).toHaveLength(3)
  })
})
