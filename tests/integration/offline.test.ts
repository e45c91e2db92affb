import { afterAll, beforeAll, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import {
  addCard,
  addPerspective,
  deleteCard,
  moveCard,
  resolveText,
  setCardExample,
  spliceText,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { createWorkshop } from '../helpers/api'
import { joinAndConnect, type TestClient } from '../helpers/clients'
import { serverDoc } from '../helpers/people'
import { between, pick, seededRandom } from '../helpers/random'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** Someone's laptop drops off the Wi-Fi for a while; they keep working, and so does everyone else. */

type Person = TestClient & { participantId: string }

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.cleanup())

const SEED = 7041
const cardIds = (doc: Y.Doc) => [...roots(doc).cards.keys()]
const letters = (doc: Y.Doc, cardId: string, letter: string) =>
  (resolveText(doc, { kind: 'card', id: cardId, field: 'text' })?.toString() ?? '').split(letter).length - 1

/** Cards deleted during the test: the only ones allowed to be missing at the end. */
const deleted = new Set<string>()

/** One random edit of the boards by `person`, who writes `letter`; returns the card it typed into, if any. */
function edit(person: Person, random: () => number, letter: string, mine: Set<string>): string | null {
  const doc = person.doc
  const board = readBoard(doc)
  const theme = pick(random, board.themes)
  const perspectives = board.perspectives.filter((p) => p.themeId === theme.id).map((p) => p.id)
  const where = perspectives.length > 0 && random() < 0.7 ? pick(random, perspectives) : null
  const cards = cardIds(doc)
  const roll = random()
  if (roll < 0.15 || cards.length === 0) {
    const id = addCard(doc, {
      themeId: theme.id,
      perspectiveId: where,
      text: letter,
      author: person.participantId,
    })
    if (id) mine.add(id)
    return id
  }
  if (roll < 0.2) {
    addPerspective(doc, { themeId: theme.id, title: `Perspective ${letter}` })
    return null
  }
  const cardId = pick(random, cards)
  if (roll < 0.35) {
    moveCard(doc, cardId, { themeId: theme.id, perspectiveId: where, index: between(random, 0, 3) })
    return null
  }
  if (roll < 0.4) {
    setCardExample(doc, cardId, random() < 0.5)
    return null
  }
  // People delete only their own cards here, so that every card of the one offline stays to be checked.
  if (roll < 0.45 && letter !== 'a' && mine.has(cardId)) {
    deleteCard(doc, cardId)
    mine.delete(cardId)
    deleted.add(cardId)
    return null
  }
  const text = resolveText(doc, { kind: 'card', id: cardId, field: 'text' })
  if (!text || text.length > 900) return null
  spliceText(doc, { kind: 'card', id: cardId, field: 'text' }, between(random, 0, text.length), 0, letter)
  return cardId
}

it('an offline participant keeps editing cards, texts and places, and everything merges on every client', async () => {
  const random = seededRandom(SEED)
  const workshop = await createWorkshop(t.url)
  const join = (name: string) => joinAndConnect(t.url, workshop, { name, centre: 'CS Vallée' })
  const [anais, bruno, celine] = await Promise.all([join('Anaïs'), join('Bruno'), join('Céline')])
  const people: Person[] = [anais, bruno, celine]
  const owned = people.map(() => new Set<string>())
  // A board to start from, seen by everyone.
  for (let i = 0; i < 20; i++) edit(bruno, random, 'b', owned[1]!)
  await waitFor(() => people.every((person) => cardIds(person.doc).length === cardIds(bruno.doc).length))

  anais.provider.disconnect()
  await waitFor(() => !anais.provider.wsconnected)
  const typedOffline = new Map<string, number>()
  for (let i = 0; i < 400; i++) {
    const cardId = edit(anais, random, 'a', owned[0]!)
    if (cardId) typedOffline.set(cardId, (typedOffline.get(cardId) ?? 0) + 1)
  }
  // Meanwhile the others work at a human pace, on the same cards.
  for (let i = 0; i < 120; i++) {
    edit(bruno, random, 'b', owned[1]!)
    edit(celine, random, 'c', owned[2]!)
    await new Promise((resolve) => setTimeout(resolve, 15))
  }
  expect(anais.provider.wsconnected).toBe(false)

  anais.provider.connect()
  const server = () => serverDoc(t, workshop.id)
  await waitFor(
    () => {
      const expected = roots(server()).cards.toJSON()
      for (const person of people) expect(roots(person.doc).cards.toJSON()).toEqual(expected)
      for (const person of people)
        expect(roots(person.doc).perspectives.toJSON()).toEqual(roots(server()).perspectives.toJSON())
    },
    { timeout: 10_000 },
  )
  // Every card added or typed into offline is everywhere (unless its author deleted it), with every letter.
  for (const [cardId, count] of typedOffline) {
    if (deleted.has(cardId)) continue
    expect(roots(bruno.doc).cards.has(cardId)).toBe(true)
    expect(letters(celine.doc, cardId, 'a')).toBeGreaterThanOrEqual(count)
  }
  expect([...typedOffline.keys()].filter((id) => !deleted.has(id)).length).toBeGreaterThan(50)
  // Every card sits on a board that exists; nothing anyone did was refused.
  const themes = new Set(readBoard(celine.doc).themes.map((theme) => theme.id))
  for (const card of readBoard(celine.doc).cards) expect(themes.has(card.place.themeId)).toBe(true)
  for (const person of people) expect(person.closeCodes).toEqual([])
  for (const person of people) person.destroy()
})
