import { afterEach, expect, it } from 'vitest'
import { publishEditing, publishPresence } from '../../client/sync/presence'
import { addCard, spliceText } from '../../shared/ops'
import { presenceColor } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, health } from '../helpers/api'
import { connectClient, joinAndConnect, type TestClient } from '../helpers/clients'
import { commander, expectOk } from '../helpers/commands'
import { settledMemory } from '../helpers/memory'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** A workshop nobody is in any more is unloaded, and nothing the server keeps still points at it. */

let t: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await t?.cleanup()
  t = null
})

/** Weak references to a loaded room and its document: holding the room in a local would keep it alive. */
function weakly(server: TestServer, workshopId: string) {
  const loaded = server.server.rooms.get(workshopId)
  if (!loaded) throw new Error('room not loaded')
  return { room: new WeakRef(loaded), doc: new WeakRef(loaded.doc) }
}

it('lets go of an unloaded workshop: its room and its document are collected', async () => {
  const server = (t = await startTestServer())
  const workshop = await createWorkshop(server.url)
  const facilitator = connectClient(server.url, workshop.id, workshop.facilitatorKey)
  clients.push(facilitator)
  await facilitator.whenSynced
  const awa = await joinAndConnect(server.url, workshop, {
    name: 'Awa',
    centre: 'Centre social des Tilleuls',
  })
  clients.push(awa)

  // A little of everything a room keeps track of: presence, cards and their count, a vote round and its ballots.
  publishPresence(awa.provider.awareness, {
    id: awa.participantId,
    name: 'Awa',
    centre: 'Centre social des Tilleuls',
    role: 'participant',
    color: presenceColor(awa.participantId),
  })
  const themeId = readBoard(facilitator.doc).themes[0]!.id
  const cardId = addCard(awa.doc, { themeId, perspectiveId: null, text: 'Un', author: awa.participantId })!
  publishEditing(awa.provider.awareness, cardId)
  spliceText(awa.doc, { kind: 'card', id: cardId, field: 'text' }, 2, 0, ' comité')
  await expectOk(commander(facilitator), {
    type: 'round.open',
    settings: { budget: 3, maxPerItem: 3, targets: 'cards', scope: { kind: 'workshop' }, anonymous: true },
  })
  await expectOk(commander(awa), { type: 'vote.add', itemId: cardId })
  await waitFor(() => server.server.rooms.get(workshop.id)?.presence.snapshot() !== null)

  const { room, doc } = weakly(server, workshop.id)

  for (const client of clients.splice(0)) client.destroy()
  await waitFor(async () => expect(await health(server.url)).toMatchObject({ workshops: 0, connections: 0 }))
  await settledMemory()

  expect(room.deref(), 'the room is still reachable').toBeUndefined()
  expect(doc.deref(), 'the document is still reachable').toBeUndefined()
})
