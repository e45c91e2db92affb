import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import {
  addCard,
  addPerspective,
  cardsOf,
  moveCard,
  movePerspective,
  perspectivesOf,
  resolveText,
  spliceText,
  type TextRef,
} from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, request } from '../helpers/api'
import {
  joinAndConnect,
  openRawSocket,
  presenceMessage,
  syncStep1Message,
  type TestClient,
} from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
let workshop: CreateWorkshopResponse
type Person = TestClient & { participantId: string }
let people: Person[] = []

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  for (const person of people) person.destroy()
  await t.cleanup()
})
// Nothing these people do is refused or malformed: the server never closed anyone's connection.
afterEach(() => expect(people.flatMap((p) => p.closeCodes)).toEqual([]))

beforeEach(async () => {
  for (const person of people) person.destroy()
  workshop = await createWorkshop(t.url)
  people = await Promise.all(
    ['Awa', 'Bernard', 'Chloé'].map((name, i) =>
      joinAndConnect(t.url, workshop, { name, centre: `Centre ${i + 1}` }),
    ),
  )
})

/** The three people of the current test, by position. */
function trio(): [Person, Person, Person] {
  const [a, b, c] = people
  if (!a || !b || !c) throw new Error('three people expected')
  return [a, b, c]
}

const serverDoc = (): Y.Doc => {
  const room = t.server.rooms.get(workshop.id)
  if (!room) throw new Error('room not loaded')
  return room.doc
}

function firstThemeId(doc: Y.Doc): string {
  const id = readBoard(doc).themes[0]?.id
  if (!id) throw new Error('no theme')
  return id
}

/** One person adds an empty card; resolves once everyone (the server included) has it. */
async function sharedCard(author: Person): Promise<TextRef> {
  const id = addCard(author.doc, {
    themeId: firstThemeId(author.doc),
    perspectiveId: null,
    text: '',
    author: author.participantId,
  })
  if (!id) throw new Error('card not added')
  await waitFor(() => people.every((p) => roots(p.doc).cards.has(id)) && roots(serverDoc()).cards.has(id))
  return { kind: 'card', id, field: 'text' }
}

const textIn = (doc: Y.Doc, ref: TextRef) => resolveText(doc, ref)?.toString() ?? ''
const count = (text: string, letter: string) => text.split(letter).length - 1

/** Everyone, the server included, ends with the same text. */
async function converged(ref: TextRef, clients: TestClient[]): Promise<string> {
  return waitFor(() => {
    const texts = [...clients.map((c) => textIn(c.doc, ref)), textIn(serverDoc(), ref)]
    expect(new Set(texts).size).toBe(1)
    return texts[0] ?? ''
  })
}

/** Pseudo-random but repeatable positions. */
function positions(seed: number) {
  let state = seed
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state % (max + 1)
  }
}

describe('co-editing one card', () => {
  it('two people typing at once keep both their letters', async () => {
    const [a, b] = trio()
    const ref = await sharedCard(a)
    const pick = positions(7)
    for (let i = 0; i < 30; i++) {
      spliceText(a.doc, ref, pick(textIn(a.doc, ref).length), 0, 'a')
      spliceText(b.doc, ref, pick(textIn(b.doc, ref).length), 0, 'B')
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    const text = await converged(ref, [a, b])
    expect(count(text, 'a')).toBe(30)
    expect(count(text, 'B')).toBe(30)
  })

  it('three people typing at once, one of them offline for a while, keep every letter', async () => {
    const [a, b, c] = trio()
    const ref = await sharedCard(b)
    spliceText(a.doc, ref, 0, 0, 'Accueil des habitants')
    await converged(ref, [a, b, c])

    c.provider.disconnect()
    const pick = positions(42)
    for (let i = 0; i < 20; i++) {
      spliceText(a.doc, ref, pick(textIn(a.doc, ref).length), 0, '1')
      spliceText(b.doc, ref, pick(textIn(b.doc, ref).length), 0, '2')
      spliceText(c.doc, ref, pick(textIn(c.doc, ref).length), 0, '3')
    }
    // The others keep going while Chloé is away; she comes back with her letters.
    await waitFor(() => count(textIn(b.doc, ref), '1') === 20)
    spliceText(c.doc, ref, 0, 0, '3')
    c.provider.connect()
    const text = await converged(ref, [a, b, c])
    expect(count(text, '1')).toBe(20)
    expect(count(text, '2')).toBe(20)
    expect(count(text, '3')).toBe(21)
    expect(text.replace(/[123]/g, '')).toBe('Accueil des habitants')
  })

  it('one person replacing a word while another types after it keeps both changes', async () => {
    const [a, b] = trio()
    const ref = await sharedCard(a)
    spliceText(a.doc, ref, 0, 0, 'Partenariats locaux')
    await converged(ref, [a, b])
    spliceText(a.doc, ref, 0, 12, 'Alliances') // "Alliances locaux"
    spliceText(b.doc, ref, 19, 0, ' durables') // "Partenariats locaux durables"
    spliceText(b.doc, ref, 13, 6, 'publics') // "Partenariats publics durables"
    const text = await converged(ref, [a, b])
    expect(text).toBe('Alliances publics durables')
  })
})

describe('moving things at the same time', () => {
  it('two people moving the same card leave it in exactly one place', async () => {
    const [a, b, c] = trio()
    const themeId = firstThemeId(a.doc)
    const p1 = addPerspective(a.doc, { themeId, title: 'Aller vers les habitants' })!
    const p2 = addPerspective(a.doc, { themeId, title: 'Former les bénévoles' })!
    const ref = await sharedCard(a)
    await waitFor(() => roots(b.doc).perspectives.has(p2) && roots(c.doc).perspectives.has(p2))

    moveCard(a.doc, ref.id, { themeId, perspectiveId: p1, index: 0 })
    moveCard(b.doc, ref.id, { themeId, perspectiveId: p2, index: 0 })
    moveCard(c.doc, ref.id, { themeId, perspectiveId: null, index: 0 })

    await waitFor(() => {
      const places = [...people.map((p) => p.doc), serverDoc()].map((doc) =>
        JSON.stringify(roots(doc).cards.get(ref.id)?.get('place')),
      )
      expect(new Set(places).size).toBe(1)
    })
    for (const doc of [a.doc, b.doc, c.doc]) {
      const lists = [cardsOf(doc, themeId, p1), cardsOf(doc, themeId, p2), cardsOf(doc, themeId, null)]
      expect(lists.flat().filter((card) => card.id === ref.id)).toHaveLength(1)
    }
  })

  it('concurrent reorders of perspectives converge with no duplicate and no loss', async () => {
    const [a, b, c] = trio()
    const themeId = firstThemeId(a.doc)
    const ids = ['Un', 'Deux', 'Trois', 'Quatre'].map((title) => addPerspective(a.doc, { themeId, title })!)
    await waitFor(() => people.every((p) => perspectivesOf(p.doc, themeId).length === 4))

    movePerspective(a.doc, ids[0]!, 3)
    movePerspective(b.doc, ids[3]!, 0)
    movePerspective(c.doc, ids[1]!, 2)
    movePerspective(c.doc, ids[0]!, 0)

    const order = await waitFor(() => {
      const orders = [...people.map((p) => p.doc), serverDoc()].map((doc) =>
        perspectivesOf(doc, themeId)
          .map((p) => p.id)
          .join(),
      )
      expect(new Set(orders).size).toBe(1)
      return orders[0]!.split(',')
    })
    expect([...order].sort()).toEqual([...ids].sort())
  })
})

describe('the roster', () => {
  it('shows a participant who joins to everyone already there', async () => {
    const [a] = trio()
    const dalila = await joinAndConnect(t.url, workshop, { name: 'Dalila', centre: 'Espace Nelson Mandela' })
    await waitFor(() =>
      expect(roots(a.doc).roster.get(dalila.participantId)).toMatchObject({
        name: 'Dalila',
        role: 'participant',
      }),
    )
    expect(roots(a.doc).roster.size).toBe(5) // facilitator, three people, Dalila
    dalila.destroy()
  })
})

describe('presence', () => {
  it('relays who is here, and forgets a connection that drops', async () => {
    const [a, b] = trio()
    a.provider.awareness.setLocalStateField('user', { id: a.participantId, name: 'Awa' })
    await waitFor(() =>
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Awa' } }),
    )

    const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
    await raw.opened
    const session = await request<{ participantId: string }>(t.url, `/api/workshops/${workshop.id}/session`, {
      headers: { authorization: `Bearer ${workshop.facilitatorKey}` },
    })
    const { message, clientId } = presenceMessage({
      user: { id: session.body.participantId, name: 'Animation', role: 'facilitator' },
      editing: null,
    })
    raw.ws.send(message)
    await waitFor(() => expect(b.provider.awareness.getStates().has(clientId)).toBe(true))
    // No goodbye message: the server notices the socket is gone and tells the others.
    raw.ws.terminate()
    await waitFor(() => expect(b.provider.awareness.getStates().has(clientId)).toBe(false))
    expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(true)
  })
})

describe('the wire', () => {
  it('never compresses, even for a client that offers it: the server writes its frames beside ws', async () => {
    const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
    await raw.opened
    expect(raw.ws.extensions).toBe('')
    // The answer to "send me everything" (sync step 2: message 0, step 1) carries the whole workshop.
    raw.ws.send(syncStep1Message())
    await waitFor(() => expect(raw.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true))
    raw.ws.terminate()
  })
})
