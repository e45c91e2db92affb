import * as decoding from 'lib0/decoding'
import type { Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard, spliceText, type TextRef } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import {
  applyReceived,
  connectClient,
  openRawSocket,
  syncStep1Message,
  updateMessage,
  type RawSocket,
  type TestClient,
} from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** Several changes drained in one batch reach each other screen as one message, and never their author again. */

const running: TestServer[] = []
const sockets: RawSocket[] = []
const clients: TestClient[] = []
afterEach(async () => {
  for (const raw of sockets.splice(0)) raw.ws.terminate()
  for (const client of clients.splice(0)) client.destroy()
  for (const server of running.splice(0)) await server.cleanup()
})

/** The document messages (sync step 2 or update) among what a raw socket received from `from` on. */
function documentMessages(raw: RawSocket, from: number): Uint8Array[] {
  return raw.received.slice(from).filter((message) => decoding.createDecoder(message).arr[0] === 0)
}

async function rawParticipant(t: TestServer, workshop: { id: string; joinCode: string }, name: string) {
  const joined = await joinWorkshop(t.url, workshop, { name, centre: 'Centre social du Port' })
  const raw = openRawSocket(t.url, workshop.id, joined.token)
  sockets.push(raw)
  await raw.opened
  raw.ws.send(syncStep1Message())
  const doc = new Y.Doc()
  await waitFor(() => {
    applyReceived(raw, doc)
    return readBoard(doc).themes.length > 0
  })
  return { raw, doc }
}

it('relays three updates read together as one message to each other screen, none back to their author', async () => {
  const t = await startTestServer()
  running.push(t)
  const workshop = await createWorkshop(t.url)
  const facilitator = connectClient(t.url, workshop.id, workshop.facilitatorKey)
  clients.push(facilitator)
  await facilitator.whenSynced
  const themeId = readBoard(facilitator.doc).themes[0]!.id
  const cardId = addCard(facilitator.doc, { themeId, perspectiveId: null, text: '', author: 'facilitator' })!
  const target: TextRef = { kind: 'card', id: cardId, field: 'text' }

  const author = await rawParticipant(t, workshop, 'Awa')
  const watcher = await rawParticipant(t, workshop, 'Bilal')
  await waitFor(() => {
    applyReceived(author.raw, author.doc)
    applyReceived(watcher.raw, watcher.doc)
    return (
      readBoard(author.doc).cards.some((c) => c.id === cardId) &&
      readBoard(watcher.doc).cards.some((c) => c.id === cardId)
    )
  })
  const authorSeen = author.raw.received.length
  const watcherSeen = watcher.raw.received.length

  // Three keystrokes, three updates, written to the socket at once so that the server reads them together.
  const updates: Uint8Array[] = []
  author.doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const [i, char] of ['m', 'e', 'r'].entries()) spliceText(author.doc, target, i, 0, char)
  expect(updates).toHaveLength(3)
  const socket = (author.raw.ws as unknown as { _socket: Socket })._socket
  socket.cork()
  for (const update of updates) author.raw.ws.send(updateMessage(update))
  socket.uncork()

  const text = () => readBoard(facilitator.doc).cards.find((c) => c.id === cardId)?.text
  await waitFor(() => text() === 'mer')
  await waitFor(() => documentMessages(watcher.raw, watcherSeen).length > 0)
  // Anything else the server had to send would have come with or before the relay: give it a moment anyway.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const relayed = documentMessages(watcher.raw, watcherSeen)
  expect(relayed).toHaveLength(1)
  const shown = new Y.Doc()
  Y.applyUpdate(shown, Y.encodeStateAsUpdate(watcher.doc))
  applyReceived({ ...watcher.raw, received: relayed }, shown)
  expect(readBoard(shown).cards.find((c) => c.id === cardId)?.text).toBe('mer')
  expect(documentMessages(author.raw, authorSeen)).toEqual([])
})
