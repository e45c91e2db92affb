import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../client/sync/presenceRelay'
import { publishEditing, publishPresence } from '../../client/sync/presence'
import { RENEWAL_RELAY_MS } from '../../server/rooms/presence'
import { presenceColor } from '../../shared/protocol'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { openRawSocket, wsBase } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** Presence messages a laptop sends: its own presence only, not an echo of everyone else's. */

const AWARENESS = 1

/** Counts the presence messages this client's socket sends. */
function countingSocket(sent: { presence: number }) {
  return class extends WebSocket {
    override send(data: Uint8Array, ...rest: unknown[]): void {
      if (data[0] === AWARENESS) sent.presence++
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
}

interface Laptop {
  name: string
  participantId: string
  doc: Y.Doc
  provider: WebsocketProvider
  sent: { presence: number }
}

let t: TestServer
const laptops: Laptop[] = []

beforeAll(async () => {
  t = await startTestServer()
})
// Each provider listens for the process's exit: a test's laptops go when it ends, not all at the end of the file.
afterEach(() => {
  for (const laptop of laptops.splice(0)) laptop.provider.destroy()
})
afterAll(() => t.cleanup())

async function room(names: string[], ownOnly: boolean): Promise<Laptop[]> {
  const workshop = await createWorkshop(t.url)
  const opened = await Promise.all(
    names.map(async (name) => {
      const joined = await joinWorkshop(t.url, workshop, { name, centre: 'Centre social' })
      const sent = { presence: 0 }
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(wsBase(t.url), workshop.id, doc, {
        WebSocketPolyfill: countingSocket(sent) as unknown as typeof globalThis.WebSocket,
        params: { token: joined.token },
        disableBc: true,
      })
      if (ownOnly) sendOwnPresenceOnly(provider)
      const id = joined.participantId
      publishPresence(provider.awareness, {
        id,
        name,
        centre: 'Centre social',
        role: 'participant',
        color: presenceColor(id),
      })
      const laptop = { name, participantId: id, doc, provider, sent }
      laptops.push(laptop)
      return laptop
    }),
  )
  // Everyone sees everyone.
  await waitFor(() => opened.every((l) => l.provider.awareness.getStates().size === names.length))
  return opened
}

const editingSeenBy = (laptop: Laptop, clientId: number) =>
  (laptop.provider.awareness.getStates().get(clientId) as { editing?: string | null } | undefined)?.editing

describe('presence sent by each laptop', () => {
  it('is its own only: what it hears of the others is not sent back', async () => {
    const [awa, bernard, chloe] = await room(['Awa', 'Bernard', 'Chloé'], true)
    if (!awa || !bernard || !chloe) throw new Error('three laptops expected')
    const before = laptops.map((l) => l.sent.presence)
    for (const cardId of ['c1', 'c2', 'c3', 'c4', 'c5']) {
      publishEditing(awa.provider.awareness, cardId)
      await waitFor(() =>
        [bernard, chloe].every((l) => editingSeenBy(l, awa.doc.clientID) === cardId) ? true : false,
      )
    }
    const sent = laptops.map((l, i) => l.sent.presence - (before[i] ?? 0))
    expect(sent).toEqual([5, 0, 0])
    // And what the others send still reaches everyone.
    publishEditing(chloe.provider.awareness, 'c9')
    await waitFor(() => [awa, bernard].every((l) => editingSeenBy(l, chloe.doc.clientID) === 'c9'))
  })

  it('without it, every laptop would echo every change (the measurement above can tell)', async () => {
    const echoing = await room(['Awa', 'Bernard', 'Chloé'], false)
    const [awa, bernard, chloe] = echoing
    if (!awa || !bernard || !chloe) throw new Error('three laptops expected')
    const before = echoing.map((l) => l.sent.presence)
    publishEditing(awa.provider.awareness, 'c1')
    await waitFor(() => [bernard, chloe].every((l) => editingSeenBy(l, awa.doc.clientID) === 'c1'))
    await waitFor(() => echoing.every((l, i) => l.sent.presence - (before[i] ?? 0) >= 1))
  })

  it('reaches the others at once when it changes, and gathered every few seconds when it is only renewed', async () => {
    const [awa, bernard] = await room(['Awa', 'Bernard'], true)
    if (!awa || !bernard) throw new Error('two laptops expected')
    const heard: number[] = []
    bernard.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(awa.doc.clientID)) heard.push(performance.now())
    })
    // A renewal: the same state again, as every client sends every 15 s.
    const renewedAt = performance.now()
    awa.provider.awareness.setLocalState(awa.provider.awareness.getLocalState())
    await new Promise((resolve) => setTimeout(resolve, RENEWAL_RELAY_MS / 2))
    expect(heard).toEqual([])
    await waitFor(() => expect(heard).toHaveLength(1), { timeout: RENEWAL_RELAY_MS * 2 })
    expect((heard[0] ?? 0) - renewedAt).toBeGreaterThanOrEqual(RENEWAL_RELAY_MS * 0.9)
    // A change: now.
    const changedAt = performance.now()
    publishEditing(awa.provider.awareness, 'c1')
    await waitFor(() => expect(editingSeenBy(bernard, awa.doc.clientID)).toBe('c1'))
    expect(performance.now() - changedAt).toBeLessThan(RENEWAL_RELAY_MS / 2)
  })

  it('is its own: another connection can neither withdraw it nor show someone else', async () => {
    const [awa, bernard] = await room(['Awa', 'Bernard'], true)
    if (!awa || !bernard) throw new Error('two laptops expected')
    const sentBefore = awa.sent.presence
    const raw = openRawSocket(t.url, awa.provider.roomname, tokenOf(bernard))
    await raw.opened
    const clock = awa.provider.awareness.meta.get(awa.doc.clientID)?.clock ?? 0
    // Withdrawing Awa's presence (a newer clock, a null state), as a stale tab could, or taking it over.
    raw.ws.send(entry(awa.doc.clientID, clock + 1, null))
    raw.ws.send(entry(awa.doc.clientID, clock + 2, user(bernard.participantId, 'Bernard', 'participant')))
    // Appearing as Awa, or as Bernard with the facilitator's role.
    raw.ws.send(entry(515_151, 1, user(awa.participantId, 'Awa', 'participant')))
    raw.ws.send(entry(525_252, 1, user(bernard.participantId, 'Bernard', 'facilitator')))
    // Bernard's own presence from this connection goes through: once it arrives, the others were handled.
    raw.ws.send(entry(535_353, 1, user(bernard.participantId, 'Bernard', 'participant')))
    await waitFor(() => expect(awa.provider.awareness.getStates().has(535_353)).toBe(true))

    for (const laptop of [awa, bernard]) {
      const states = laptop.provider.awareness.getStates()
      expect(states.get(awa.doc.clientID)).toMatchObject({ user: { id: awa.participantId, name: 'Awa' } })
      expect(states.has(515_151)).toBe(false)
      expect(states.has(525_252)).toBe(false)
    }
    // Nothing to put right: Awa's laptop did not have to send her presence again.
    expect(awa.sent.presence).toBe(sentBefore)
    raw.ws.close()
  })

  it('moves to the same person’s new connection, which keeps it when the old one closes', async () => {
    const [awa, bernard] = await room(['Awa', 'Bernard'], true)
    if (!awa || !bernard) throw new Error('two laptops expected')
    const before = openRawSocket(t.url, awa.provider.roomname, tokenOf(bernard))
    await before.opened
    before.ws.send(entry(545_454, 1, user(bernard.participantId, 'Bernard', 'participant')))
    await waitFor(() => expect(awa.provider.awareness.getStates().has(545_454)).toBe(true))

    // Back on the network, before the server noticed the old socket is gone: same presence, newer clock.
    const after = openRawSocket(t.url, awa.provider.roomname, tokenOf(bernard))
    await after.opened
    after.ws.send(entry(545_454, 2, user(bernard.participantId, 'Bernard', 'participant', 'card-1')))
    await waitFor(() =>
      expect(awa.provider.awareness.getStates().get(545_454)).toMatchObject({ editing: 'card-1' }),
    )
    // Someone else cannot take it.
    const other = openRawSocket(t.url, awa.provider.roomname, tokenOf(awa))
    await other.opened
    other.ws.send(entry(545_454, 3, user(awa.participantId, 'Awa', 'participant')))
    other.ws.send(entry(555_555, 1, user(awa.participantId, 'Awa', 'participant')))
    await waitFor(() => expect(bernard.provider.awareness.getStates().has(555_555)).toBe(true))
    expect(bernard.provider.awareness.getStates().get(545_454)).toMatchObject({ editing: 'card-1' })

    // The old socket goes: the presence stays, held by the new one; it goes with the new one.
    before.ws.terminate()
    other.ws.terminate()
    await waitFor(() => expect(bernard.provider.awareness.getStates().has(555_555)).toBe(false))
    expect(bernard.provider.awareness.getStates().has(545_454)).toBe(true)
    after.ws.terminate()
    await waitFor(() => expect(bernard.provider.awareness.getStates().has(545_454)).toBe(false))
  })
})

/** A presence message with one entry, as a raw client would send it. */
function entry(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, AWARENESS)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

function user(id: string, name: string, role: string, editing: string | null = null) {
  return {
    user: { id, name, centre: 'Centre social', role, color: presenceColor(id) },
    editing,
    lastActive: Date.now(),
  }
}

function tokenOf(laptop: Laptop): string {
  const token = new URL(laptop.provider.url).searchParams.get('token')
  if (!token) throw new Error('no token on the provider url')
  return token
}
