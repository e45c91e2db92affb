import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readControl, readMeta, roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { CLOSE, type CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { connectClient, joinAndConnect, openRawSocket, type TestClient } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
let workshop: CreateWorkshopResponse

beforeAll(async () => {
  t = await startTestServer()
  workshop = await createWorkshop(t.url, { title: 'Atelier du jeudi' })
})
afterAll(() => t.cleanup())

const serverDoc = (): Y.Doc => {
  const room = t.server.rooms.get(workshop.id)
  if (!room) throw new Error('room not loaded')
  return room.doc
}

describe('who may connect', () => {
  it('refuses a missing or wrong token with 4401', async () => {
    expect((await openRawSocket(t.url, workshop.id, null).closed).code).toBe(CLOSE.unauthorized)
    expect((await openRawSocket(t.url, workshop.id, 'not-a-real-token').closed).code).toBe(CLOSE.unauthorized)
    expect((await openRawSocket(t.url, workshop.id, 'x'.repeat(5000)).closed).code).toBe(CLOSE.unauthorized)
  })

  it("refuses another workshop's credential with 4401", async () => {
    const other = await createWorkshop(t.url)
    expect((await openRawSocket(t.url, workshop.id, other.facilitatorKey).closed).code).toBe(
      CLOSE.unauthorized,
    )
  })

  it('refuses an unknown workshop with 4404', async () => {
    expect((await openRawSocket(t.url, 'zzzzzzzzzzzz', workshop.facilitatorKey).closed).code).toBe(
      CLOSE.notFound,
    )
  })

  it('refuses a removed participant with 4403, and the provider stops retrying', async () => {
    const joined = await joinWorkshop(t.url, workshop, { name: 'Eliott', centre: 'CS Belleville' })
    await t.server.storage.registry.setParticipantRemoved(workshop.id, joined.participantId, true)
    const client = connectClient(t.url, workshop.id, joined.token)
    await waitFor(() => expect(client.closeCodes).toEqual([CLOSE.removed]))
    expect(client.provider.shouldConnect).toBe(false)
    client.destroy()
  })

  it('lets the facilitator and participants in', async () => {
    const facilitator = connectClient(t.url, workshop.id, workshop.facilitatorKey)
    await facilitator.whenSynced
    expect(readMeta(facilitator.doc).title).toBe('Atelier du jeudi')
    facilitator.destroy()
  })
})

describe('what a client may write', () => {
  async function twoPeople(): Promise<
    [TestClient & { participantId: string }, TestClient & { participantId: string }]
  > {
    const a = await joinAndConnect(t.url, workshop, { name: 'Fatou', centre: 'CS Nord' })
    const b = await joinAndConnect(t.url, workshop, { name: 'Gaspard', centre: 'CS Sud' })
    return [a, b]
  }

  /** A harmless edit by `b`, seen by the server: anything relayed before it has arrived too. */
  async function settle(b: TestClient & { participantId: string }): Promise<void> {
    const themeId = readBoard(b.doc).themes[0]!.id
    const id = addCard(b.doc, { themeId, perspectiveId: null, text: 'Repère', author: b.participantId })!
    await waitFor(() => roots(serverDoc()).cards.has(id))
  }

  it.each([
    ['meta', (doc: Y.Doc) => roots(doc).meta.set('title', 'Piraté')],
    ['control', (doc: Y.Doc) => roots(doc).control.set('phase', 'resultats')],
    [
      'roster',
      (doc: Y.Doc) =>
        roots(doc).roster.set('intrus', { name: 'Intrus', centre: '', role: 'facilitator', joinedAt: 0 }),
    ],
  ])('a participant writing into %s is closed with 4409 and nobody else sees it', async (_root, write) => {
    const [a, b] = await twoPeople()
    write(a.doc)
    await waitFor(() => expect(a.closeCodes).toContain(CLOSE.refused))
    a.destroy()
    await settle(b)
    for (const doc of [b.doc, serverDoc()]) {
      expect(readMeta(doc).title).toBe('Atelier du jeudi')
      expect(readControl(doc).phase).toBe('collecte')
      expect(roots(doc).roster.has('intrus')).toBe(false)
    }
    expect(b.closeCodes).toEqual([])
    b.destroy()
  })

  it('the projector watches but may not write', async () => {
    const [a, b] = await twoPeople()
    const projector = connectClient(t.url, workshop.id, workshop.facilitatorKey, {
      params: { as: 'projector' },
    })
    await projector.whenSynced
    await settle(b)
    await waitFor(() => expect(roots(projector.doc).cards.size).toBe(roots(serverDoc()).cards.size))
    const before = roots(serverDoc()).cards.size
    const themeId = readBoard(projector.doc).themes[0]!.id
    addCard(projector.doc, {
      themeId,
      perspectiveId: null,
      text: 'Depuis le projecteur',
      author: 'facilitator-1',
    })
    await waitFor(() => expect(projector.closeCodes).toContain(CLOSE.refused))
    await settle(b)
    expect(roots(serverDoc()).cards.size).toBe(before + 1)
    for (const client of [a, b, projector]) client.destroy()
  })
})
