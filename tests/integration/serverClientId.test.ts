import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { connectClient, joinAndConnect, type TestClient } from '../helpers/clients'
import { makeDataDir, readStoredDoc, startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const running: TestServer[] = []
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const server of running.splice(0)) await server.cleanup()
})

async function server(dataDir: string): Promise<TestServer> {
  const started = await startTestServer({ dataDir })
  running.push(started)
  return started
}

/** The Yjs client ids a document holds writes from, apart from the given laptops'. */
function otherWriters(doc: Y.Doc, laptops: readonly TestClient[]): number[] {
  const theirs = new Set(laptops.map((client) => client.doc.clientID))
  return [...doc.store.clients.keys()].filter((id) => !theirs.has(id))
}

/** Names on the roster (the facilitator included). */
const names = (doc: Y.Doc) => [...roots(doc).roster.values()].map((entry) => entry.name)

async function leave(t: TestServer, client: TestClient, workshopId: string): Promise<void> {
  clients.splice(clients.indexOf(client), 1)
  client.destroy()
  await waitFor(() => t.server.rooms.get(workshopId) === undefined)
}

describe('the server writes under one Yjs client id per process', () => {
  it('however often a workshop is opened, and a new one after a restart', async () => {
    const dataDir = await makeDataDir()
    const first = await server(dataDir)
    const workshop = await createWorkshop(first.url)
    // Joins while nobody is connected: each opens the workshop, writes the roster and closes it again.
    await joinWorkshop(first.url, workshop, { name: 'Awa', centre: 'Centre des Tilleuls' })
    const awa = await joinAndConnect(first.url, workshop, { name: 'Awa B.', centre: 'Centre des Tilleuls' })
    clients.push(awa)
    const themeId = readBoard(awa.doc).themes[0]!.id
    const cardId = addCard(awa.doc, {
      themeId,
      perspectiveId: null,
      text: 'Un comité d’habitants',
      author: awa.participantId,
    })!
    await waitFor(() => roots(first.server.rooms.get(workshop.id)!.doc).cards.has(cardId))
    await leave(first, awa, workshop.id)
    await joinWorkshop(first.url, workshop, { name: 'Bilal', centre: 'Maison du quartier' })
    const bilal = await joinAndConnect(first.url, workshop, {
      name: 'Bilal M.',
      centre: 'Maison du quartier',
    })
    clients.push(bilal)

    // Created, then opened again for each join and connection that found nobody there, the server writing each time.
    expect(otherWriters(bilal.doc, [awa, bilal])).toEqual([first.server.rooms.clientId])
    expect(names(bilal.doc)).toEqual(expect.arrayContaining(['Awa', 'Awa B.', 'Bilal', 'Bilal M.']))
    await leave(first, bilal, workshop.id)
    await first.stop()

    const second = await server(dataDir)
    expect(second.server.rooms.clientId).not.toBe(first.server.rooms.clientId)
    const chloe = await joinAndConnect(second.url, workshop, { name: 'Chloé', centre: 'Centre des Tilleuls' })
    clients.push(chloe)
    expect(otherWriters(chloe.doc, [awa, bilal, chloe]).sort()).toEqual(
      [first.server.rooms.clientId, second.server.rooms.clientId].sort(),
    )
    // What each process wrote is all there, on the laptop as on disk.
    expect(roots(chloe.doc).cards.has(cardId)).toBe(true)
    expect(names(chloe.doc)).toHaveLength(6)
    await second.stop()
    const stored = readStoredDoc(dataDir, workshop.id).doc
    expect(names(stored)).toHaveLength(6)
    expect(otherWriters(stored, [awa, bilal, chloe])).toHaveLength(2)
  })

  it('reopens a workshop and keeps writing after its own earlier writes', async () => {
    const t = await server(await makeDataDir())
    const workshop = await createWorkshop(t.url)
    for (const name of ['Awa', 'Bilal', 'Chloé', 'Dina'])
      await joinWorkshop(t.url, workshop, { name, centre: 'Centre' })
    const facilitator = connectClient(t.url, workshop.id, workshop.facilitatorKey)
    clients.push(facilitator)
    await facilitator.whenSynced
    expect(names(facilitator.doc)).toEqual(expect.arrayContaining(['Awa', 'Bilal', 'Chloé', 'Dina']))
    expect(otherWriters(facilitator.doc, [facilitator])).toEqual([t.server.rooms.clientId])
  })
})
