import fc from 'fast-check'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCard, addPerspective, initWorkshop } from '../../shared/ops'
import { readBoard, type BoardSnapshot } from '../../shared/read'
import { REPLICAS, ReplicaNetwork, seededRandom, type Step } from './replicaNetwork'
import { MEETING } from './workshopFixture'

/**
 * Three people edit the same workshop while their updates travel late, out of order, or twice; once everything has
 * arrived, every screen must show the same board and nothing anyone kept may be lost.
 */

const SEED = 20250314
const RUNS = 120
const SHARED_TEXT = 'Idée commune : '
/** What each of the two typists types, letter by letter, into the shared card. */
const MARKERS: readonly [string, string] = ['[lucie tape ici]', '{malik aussi}']

const replica = fc.nat({ max: REPLICAS - 1 })
const small = fc.nat({ max: 30 })
const words = fc.string({ unit: fc.constantFrom('a', 'é', ' ', 'x', '🙂'), maxLength: 6 })

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('addCard'),
      at: replica,
      theme: small,
      list: small,
      index: small,
      text: words,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('moveCard'),
      at: replica,
      card: small,
      theme: small,
      list: small,
      index: small,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteCard'), at: replica, card: small }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('addPerspective'), at: replica, theme: small, index: small }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('movePerspective'),
      at: replica,
      perspective: small,
      index: small,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('deletePerspective'), at: replica, perspective: small }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('splice'),
      at: replica,
      card: small,
      index: small,
      deleteCount: fc.nat({ max: 4 }),
      insert: words,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('toggleExample'), at: replica, card: small }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('type'), typist: fc.constantFrom(0 as const, 1 as const) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('send'), from: replica, to: replica, delay: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deliver'), pick: small }) },
)

const scenario = fc.record({
  steps: fc.array(step, { minLength: 30, maxLength: 100 }),
  /** Where in the shared card each typist starts, before either has seen the other's letters. */
  carets: fc.tuple(fc.nat({ max: SHARED_TEXT.length }), fc.nat({ max: SHARED_TEXT.length })),
})

function checkBoard(net: ReplicaNetwork, board: BoardSnapshot): void {
  const ids = board.cards.map((c) => c.id)
  expect(new Set(ids).size).toBe(ids.length)

  const kept = [...net.created].filter((id) => !net.deleted.has(id))
  for (const id of kept) expect(ids).toContain(id)
  for (const id of ids) expect(net.created.has(id)).toBe(true)

  const themes = new Set(board.themes.map((t) => t.id))
  for (const card of board.cards) expect(themes.has(card.place.themeId)).toBe(true)
  for (const perspective of board.perspectives) expect(themes.has(perspective.themeId)).toBe(true)

  const shared = board.cards.find((c) => c.id === net.sharedCard.id)?.text ?? ''
  for (const marker of MARKERS) expect(shared).toContain(marker)
  expect(MARKERS.reduce((rest, marker) => rest.replace(marker, ''), shared)).toBe(SHARED_TEXT)
}

describe('convergence of concurrent edits', () => {
  let fill = seededRandom(SEED)
  beforeEach(() => {
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(
      <T extends ArrayBufferView | null>(array: T): T => {
        if (array) fill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
        return array
      },
    )
  })
  afterEach(() => vi.restoreAllMocks())

  it('brings every replica to the same board without losing a card or a letter', () => {
    fc.assert(
      fc.property(scenario, ({ steps, carets }) => {
        fill = seededRandom(SEED) // each run, and each replay while shrinking, draws the same ids
        const base = new Y.Doc()
        base.clientID = 100
        initWorkshop(base, MEETING, 'participation-partenariats')
        for (const theme of readBoard(base).themes) {
          const perspectiveId = addPerspective(base, { themeId: theme.id, title: 'Aller vers' })
          for (const text of ['Un café des parents', 'Porte-à-porte']) {
            addCard(base, { themeId: theme.id, perspectiveId, text, author: 'p0' })
          }
        }
        const first = readBoard(base).themes[0]
        const sharedId =
          first && addCard(base, { themeId: first.id, perspectiveId: null, text: SHARED_TEXT, author: 'p0' })
        if (!sharedId) throw new Error('the shared card could not be added')

        const net = new ReplicaNetwork(base, { kind: 'card', id: sharedId, field: 'text' }, MARKERS, carets)
        for (const s of steps) net.run(s)
        net.finishTyping()
        net.syncAll()

        const [reference, ...others] = net.docs.map((doc) => readBoard(doc))
        if (!reference) throw new Error('no replica')
        for (const board of others) expect(board).toEqual(reference)
        checkBoard(net, reference)
        for (const doc of net.docs) expect(doc.store.pendingStructs).toBeNull()

        // Stale copies of old updates change nothing once everyone is in sync.
        net.drainLate()
        for (const doc of net.docs) expect(readBoard(doc)).toEqual(reference)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })
})
