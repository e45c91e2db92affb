import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE_REPLY } from '../../shared/commands'
import { roots } from '../../shared/doc'
import { addCard, moveCard, spliceText } from '../../shared/ops'
import { CLOSE, MESSAGE, type CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import type { ServerLimits } from '../../server/limits'
import { createWorkshop, health } from '../helpers/api'
import { joinAndConnect, openRawSocket, updateMessage, type TestClient } from '../helpers/clients'
import { commandFrame } from '../helpers/commands'
import { danglingUpdate, presenceFrame } from '../helpers/frames'
import { serverDoc } from '../helpers/people'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** Each websocket limit, set small: going over closes that connection with a clear code and reason, nobody else's. */

type Person = TestClient & { participantId: string; token: string }

const servers: TestServer[] = []
const clients: TestClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(async () => {
  for (const server of servers) await server.cleanup()
})

async function scene(limits: Partial<ServerLimits>) {
  const t = await startTestServer({ limits })
  servers.push(t)
  const workshop = await createWorkshop(t.url)
  const join = async (name: string): Promise<Person> => {
    const person = await joinAndConnect(t.url, workshop, { name, centre: 'CS Limites' })
    clients.push(person)
    return person
  }
  return { t, workshop, join }
}

/** A raw socket with a participant's credential, open and attached to its room. */
async function rawParticipant(t: TestServer, workshop: CreateWorkshopResponse, from?: string) {
  const person = await joinAndConnect(t.url, workshop, { name: 'Robot', centre: 'CS Script' })
  person.destroy()
  const raw = openRawSocket(t.url, workshop.id, person.token, from ? { from } : {})
  await raw.opened
  await waitFor(() => raw.received.length > 0)
  return Object.assign(raw, { participantId: person.participantId })
}

/** `watcher` still receives what `writer` types: the workshop goes on for everyone else. */
async function stillSyncing(writer: Person, watcher: Person, text: string): Promise<void> {
  const themeId = readBoard(writer.doc).themes[0]!.id
  const id = addCard(writer.doc, { themeId, perspectiveId: null, text, author: writer.participantId })!
  await waitFor(() => roots(watcher.doc).cards.has(id))
  expect(writer.closeCodes).toEqual([])
  expect(watcher.closeCodes).toEqual([])
}

describe('messages per connection', () => {
  it('a burst beyond the bucket is closed with 4429 "too many messages"; steady typing under the rate is not', async () => {
    const { t, workshop, join } = await scene({ messageBurst: 20, messagesPerSecond: 10 })
    const [typist, watcher] = [await join('Ulysse'), await join('Vera')]
    const raw = await rawParticipant(t, workshop)
    const query = new Uint8Array([MESSAGE.queryAwareness])
    for (let i = 0; i < 30; i++) raw.ws.send(query)
    expect(await raw.closed).toEqual({ code: CLOSE.rateLimited, reason: 'too many messages' })
    expect(t.server.metrics.limitedCloses.get('too_many_messages')).toBe(1)

    // Eight letters a second for two seconds: under the sustained rate, past the burst.
    const themeId = readBoard(typist.doc).themes[0]!.id
    const id = addCard(typist.doc, { themeId, perspectiveId: null, text: '', author: typist.participantId })!
    for (let i = 0; i < 16; i++) {
      spliceText(typist.doc, { kind: 'card', id, field: 'text' }, i, 0, 'z')
      await new Promise((resolve) => setTimeout(resolve, 125))
    }
    await waitFor(() =>
      expect(roots(watcher.doc).cards.get(id)?.get('text')?.toString()).toBe('z'.repeat(16)),
    )
    await stillSyncing(typist, watcher, 'Toujours en ligne')
  })
})

describe('connections per address', () => {
  it('refuses one more with 4429 "too many connections", and counts each address apart', async () => {
    const { t, workshop, join } = await scene({ connectionsPerAddress: 3 })
    const [writer, watcher] = [await join('Wassim'), await join('Xavière')]
    const from = '127.0.0.2'
    const open = await Promise.all([1, 2, 3].map(() => rawParticipant(t, workshop, from)))
    const extra = openRawSocket(t.url, workshop.id, workshop.facilitatorKey, { from })
    expect(await extra.closed).toEqual({ code: CLOSE.rateLimited, reason: 'too many connections' })
    // Another machine is not affected, and a closed connection frees its place.
    const elsewhere = await rawParticipant(t, workshop, '127.0.0.3')
    open[0]!.ws.close()
    await open[0]!.closed
    const again = await rawParticipant(t, workshop, from)
    for (const raw of [...open, elsewhere, again]) raw.ws.close()
    await stillSyncing(writer, watcher, 'Les autres restent')
  })
})

describe('cards per board', () => {
  it('refuses a card added or moved onto a full board with 4409 "update refused: board_full"', async () => {
    const { t, workshop, join } = await scene({ cardsPerBoard: 3 })
    const [ines, jules] = [await join('Inès'), await join('Jules')]
    const [full, other] = readBoard(ines.doc).themes.map((theme) => theme.id) as [string, string]
    const place = (themeId: string, text: string) => ({
      themeId,
      perspectiveId: null,
      text,
      author: ines.participantId,
    })
    for (const text of ['Un', 'Deux', 'Trois']) addCard(ines.doc, place(full, text))
    const elsewhere = addCard(ines.doc, place(other, 'Ailleurs'))!
    await waitFor(() => roots(jules.doc).cards.size === 4)

    const fourth = addCard(ines.doc, place(full, 'Quatre'))!
    await waitFor(() => expect(t.server.metrics.refused.get('board_full')).toBe(1))
    await waitFor(() => expect(roots(jules.doc).cards.size).toBe(4))
    expect(roots(jules.doc).cards.has(fourth)).toBe(false)
    expect(ines.closeCodes).toEqual([CLOSE.refused])

    // A move onto the full board is refused the same way; once a card left it, there is room again.
    moveCard(jules.doc, elsewhere, { themeId: full, perspectiveId: null, index: 0 })
    await waitFor(() => expect(jules.closeCodes).toEqual([CLOSE.refused]))
    const victor = await join('Victor')
    const first = [...roots(victor.doc).cards.entries()].find(
      ([, card]) => card.get('text')?.toString() === 'Un',
    )![0]
    moveCard(victor.doc, first, { themeId: other, perspectiveId: null, index: 0 })
    const fits = addCard(victor.doc, {
      themeId: full,
      perspectiveId: null,
      text: 'Il y a la place',
      author: victor.participantId,
    })!
    await waitFor(() => roots(serverDoc(t, workshop.id)).cards.has(fits))
    expect(victor.closeCodes).toEqual([])
  })
})

describe('a client too slow to read', () => {
  it('is dropped once what waits for it passes the bound, instead of growing the server', async () => {
    const { t, workshop, join } = await scene({
      maxBufferedBytes: 256 * 1024,
      maxPresenceBytes: 1024 * 1024,
      messageBurst: 1000,
    })
    const [writer, watcher] = [await join('Yann'), await join('Zoé')]
    const slow = await rawParticipant(t, workshop)
    await waitFor(async () => (await health(t.url)).connections === 3)
    // Stops reading, as a laptop whose lid was closed; the kernel's buffers fill, then the server's would.
    ;(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause()

    const talker = await rawParticipant(t, workshop)
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    for (let i = 0; i < 60 && t.server.metrics.limitedCloses.get('too_slow') === 0; i++) {
      awareness.setLocalState({ user: { id: talker.participantId }, note: String(i).repeat(200_000) })
      const frame = encoding.createEncoder()
      encoding.writeVarUint(frame, MESSAGE.awareness)
      encoding.writeVarUint8Array(
        frame,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
      )
      talker.ws.send(encoding.toUint8Array(frame))
      await waitFor(() => talker.received.length >= i + 2)
    }
    awareness.destroy()
    expect(t.server.metrics.limitedCloses.get('too_slow')).toBe(1)
    await waitFor(async () => (await health(t.url)).connections === 3)
    talker.ws.close()
    slow.ws.terminate()
    await stillSyncing(writer, watcher, 'Sans attendre personne')
  })
})

describe('presence', () => {
  it('a presence message over the size limit is closed with 4413 "presence too large"', async () => {
    const { t, workshop } = await scene({ maxPresenceBytes: 1000 })
    const raw = await rawParticipant(t, workshop)
    raw.ws.send(
      presenceFrame([{ clientId: 77, clock: 1, state: JSON.stringify({ note: 'x'.repeat(2000) }) }]),
    )
    expect(await raw.closed).toEqual({ code: CLOSE.tooLarge, reason: 'presence too large' })
  })

  it('one connection publishing many client ids is closed with 4429, and none of them is kept', async () => {
    const { t, workshop } = await scene({})
    const raw = await rawParticipant(t, workshop)
    const meta = () => t.server.rooms.get(workshop.id)!.presence.awareness.meta
    // Removals of presences the room never had (clients echo them after a restart) are dropped: y-protocols
    // would remember each id forever without showing it to anyone.
    const ghosts = Array.from({ length: 50 }, (_, i) => 800_000 + i)
    raw.ws.send(presenceFrame(ghosts.map((clientId) => ({ clientId, clock: 1, state: 'null' }))))
    // Answered in order: once the reply is here, the presence before it was handled.
    raw.ws.send(commandFrame(1, { type: 'ballot.get' }))
    await waitFor(() => raw.received.some((frame) => frame[0] === MESSAGE_REPLY))
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    for (const id of ghosts) expect(meta().has(id)).toBe(false)

    const ids = Array.from({ length: 50 }, (_, i) => 900_000 + i)
    const own = JSON.stringify({ user: { id: raw.participantId, role: 'participant' } })
    raw.ws.send(presenceFrame(ids.map((clientId) => ({ clientId, clock: 1, state: own }))))
    expect(await raw.closed).toEqual({ code: CLOSE.rateLimited, reason: 'too many presences' })
    for (const id of ids) expect(meta().has(id)).toBe(false)
  })

  it('a message broken half-way leaves nothing of its first half behind', async () => {
    const { t, workshop } = await scene({})
    const raw = await rawParticipant(t, workshop)
    raw.ws.send(
      presenceFrame([
        { clientId: 424_242, clock: 1, state: JSON.stringify({ user: { id: raw.participantId } }) },
        { clientId: 424_243, clock: 1, state: '{pas du json' },
      ]),
    )
    expect((await raw.closed).code).toBe(CLOSE.malformed)
    expect(t.server.rooms.get(workshop.id)?.presence.awareness.meta.has(424_242) ?? false).toBe(false)
  })
})

describe('updates waiting for history the server never saw', () => {
  it('are refused past the bound (4409 "update refused: pending") and dropped from memory', async () => {
    const { t, workshop, join } = await scene({ maxPendingBytes: 20_000 })
    const [writer, watcher] = [await join('Aline'), await join('Basile')]
    const themeId = readBoard(writer.doc).themes[0]!.id
    const raw = await rawParticipant(t, workshop)
    for (let i = 0; i < 10; i++) raw.ws.send(updateMessage(danglingUpdate(themeId, 5000)))
    expect(await raw.closed).toEqual({ code: CLOSE.refused, reason: 'update refused: pending' })
    const store = serverDoc(t, workshop.id).store
    expect(store.pendingStructs).toBeNull()
    expect(store.pendingDs).toBeNull()
    await stillSyncing(writer, watcher, 'Rien en attente')
  })
})

describe('commands', () => {
  it('a connection with more than 100 commands waiting is closed with 4429 "too many commands"', async () => {
    const { t, workshop, join } = await scene({})
    const [writer, watcher] = [await join('Célia'), await join('Denis')]
    const raw = await rawParticipant(t, workshop)
    // In one write, so that they arrive together, before the first can be answered.
    const socket = (raw.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket
    socket.cork()
    for (let i = 1; i <= 150; i++) raw.ws.send(commandFrame(i, { type: 'ballot.get' }))
    socket.uncork()
    expect(await raw.closed).toEqual({ code: CLOSE.rateLimited, reason: 'too many commands' })
    await stillSyncing(writer, watcher, 'Après la rafale')
  })
})
