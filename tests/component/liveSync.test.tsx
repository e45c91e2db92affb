// @vitest-environment node
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type * as Y from 'yjs'
import { spliceText } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import type { SessionInfo } from '../../client/api/workshops'
import { addCardTo, currentDoc, openWorkshop, useLoupeStore } from '../../client/store'
import { checkUpdate } from '../../server/referee/checkUpdate'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { connectClient, type TestClient } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/**
 * The client's sync layer and store against a real server: real websockets, real referee, real SQLite file.
 * Node 20 has no global WebSocket; `ws` stands in for the browser's, as in the integration tests.
 */
beforeAll(() => {
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
})

let server: TestServer | null = null
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  await server?.cleanup()
  server = null
})

async function sessionFor(url: string, workshopId: string, token: string): Promise<SessionInfo> {
  const response = await fetch(`${url}/api/workshops/${workshopId}/session`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as SessionInfo
}

async function openAsParticipant(url: string, name: string) {
  const workshop = await createWorkshop(url, { title: 'Atelier du jeudi', organiser: 'Fédération' })
  const joined = await joinWorkshop(url, workshop, { name, centre: 'CS La Passerelle' })
  const session = await sessionFor(url, workshop.id, joined.token)
  const close = openWorkshop({ ...session, token: joined.token }, { persist: false, origin: url })
  cleanups.push(close)
  await waitFor(() => expect(useLoupeStore.getState().connection).toBe('synced'))
  return { workshop, joined }
}

function other(url: string, workshopId: string, token: string): TestClient {
  const client = connectClient(url, workshopId, token)
  cleanups.push(() => client.destroy())
  return client
}

const themeIdOf = () => useLoupeStore.getState().themeIds[0]!

describe('live sync with the server', { timeout: 20_000 }, () => {
  it('syncs the board both ways with another participant', async () => {
    server = await startTestServer()
    const { workshop } = await openAsParticipant(server.url, 'Awa')
    const leo = await joinWorkshop(server.url, workshop, { name: 'Léo', centre: 'CS du Vieux Port' })
    const client = other(server.url, workshop.id, leo.token)
    client.provider.awareness.setLocalState({
      user: {
        id: leo.participantId,
        name: 'Léo',
        centre: 'CS du Vieux Port',
        role: 'participant',
        color: '#b91c1c',
      },
      editing: null,
      lastActive: Date.now(),
    })
    await client.whenSynced

    const state = useLoupeStore.getState()
    expect(state.themeIds.map((id) => state.themesById[id]?.name)).toEqual([
      'Participation des habitants',
      'Partenariats',
    ])
    expect(state.meta.title).toBe('Atelier du jeudi')

    const cardId = addCardTo(themeIdOf(), null)!
    spliceText(currentDoc()!, { kind: 'card', id: cardId, field: 'text' }, 0, 0, 'Un café des parents')
    await waitFor(() =>
      expect(readBoard(client.doc).cards.map((c) => c.text)).toEqual(['Un café des parents']),
    )

    spliceText(client.doc, { kind: 'card', id: cardId, field: 'text' }, 19, 0, ' le samedi')
    await waitFor(() =>
      expect(useLoupeStore.getState().cardsById.get(cardId)?.text).toBe('Un café des parents le samedi'),
    )
    // The roster written by the server, and both screens present.
    await waitFor(() =>
      expect(Object.values(useLoupeStore.getState().roster).map((r) => r.name)).toEqual(
        expect.arrayContaining(['Awa', 'Léo']),
      ),
    )
    await waitFor(() =>
      expect(
        useLoupeStore
          .getState()
          .people.filter((p) => p.online)
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Awa', 'Léo']),
    )
  })

  it('stops for good when the server does not accept the credential', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const session: SessionInfo = {
      role: 'participant',
      participantId: 'p-x',
      name: 'X',
      centre: 'Y',
      workshopId: workshop.id,
      title: 'Atelier',
      joinCode: workshop.joinCode,
    }
    cleanups.push(openWorkshop({ ...session, token: 'not-a-token' }, { persist: false, origin: server.url }))
    await waitFor(() => expect(useLoupeStore.getState().connection).toBe('unauthorized'))
    // No retry: the status stays final and the server sees no new connection.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(useLoupeStore.getState().connection).toBe('unauthorized')
    expect((await (await fetch(`${server.url}/healthz`)).json()).connections).toBe(0)
  })

  it('drops its copy and reloads the board from the server when an update is refused', async () => {
    const forbidden = new TextEncoder().encode('REFUSE-MOI')
    const contains = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(forbidden))
    server = await startTestServer({
      checkUpdate: (doc, update, role) =>
        contains(update) ? { ok: false, reason: 'test' } : checkUpdate(doc, update, role),
    })
    const { workshop, joined } = await openAsParticipant(server.url, 'Awa')
    const watcher = other(server.url, workshop.id, joined.token)
    await watcher.whenSynced

    const cardId = addCardTo(themeIdOf(), null)!
    await waitFor(() => expect(readBoard(watcher.doc).cards).toHaveLength(1))
    const before: Y.Doc = currentDoc()!
    spliceText(before, { kind: 'card', id: cardId, field: 'text' }, 0, 0, 'REFUSE-MOI')
    expect(useLoupeStore.getState().cardsById.get(cardId)?.text).toBe('REFUSE-MOI')

    await waitFor(() => expect(useLoupeStore.getState().resyncs).toBe(1))
    await waitFor(() => expect(useLoupeStore.getState().connection).toBe('synced'))
    expect(currentDoc()).not.toBe(before)
    expect(useLoupeStore.getState().cardsById.get(cardId)?.text).toBe('')
    expect(readBoard(watcher.doc).cards.map((c) => c.text)).toEqual([''])
  })
})
