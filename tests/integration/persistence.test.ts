import { afterEach, describe, expect, it } from 'vitest'
import { roots } from '../../shared/doc'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { CLOSE, type CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { openSqliteStorage } from '../../server/persistence/sqlite'
import type { Storage } from '../../server/persistence/types'
import { COMPACT_AFTER } from '../../server/rooms/Room'
import { createWorkshop, health, postJson } from '../helpers/api'
import * as Y from 'yjs'
import {
  applyReceived,
  connectClient,
  joinAndConnect,
  openRawSocket,
  syncStep1Message,
  updateMessage,
  type TestClient,
} from '../helpers/clients'
import {
  corruptStoredDoc,
  makeDataDir,
  readStoredDoc,
  readStoredRows,
  startTestServer,
  truncateStoredDoc,
  type TestServer,
} from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const running: TestServer[] = []
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const server of running.splice(0)) await server.cleanup()
})

async function server(dataDir?: string, storage?: Storage): Promise<TestServer> {
  const started = await startTestServer({ ...(dataDir ? { dataDir } : {}), ...(storage ? { storage } : {}) })
  running.push(started)
  return started
}

async function facilitator(t: TestServer, workshop: CreateWorkshopResponse): Promise<TestClient> {
  const client = connectClient(t.url, workshop.id, workshop.facilitatorKey)
  clients.push(client)
  await client.whenSynced
  return client
}

/** Adds a card with `text` and waits until the server has stored and relayed it. */
async function cardWith(
  t: TestServer,
  client: TestClient,
  workshop: CreateWorkshopResponse,
  text: string,
): Promise<TextRef> {
  const themeId = readBoard(client.doc).themes[0]!.id
  const id = addCard(client.doc, { themeId, perspectiveId: null, text, author: 'facilitator-1' })!
  await waitFor(() => t.server.rooms.get(workshop.id)?.doc.getMap('cards').has(id) === true)
  return { kind: 'card', id, field: 'text' }
}

const textIn = (client: TestClient, ref: TextRef) => resolveText(client.doc, ref)?.toString()

describe('persistence', () => {
  it('keeps edits across a server restart on the same data directory', async () => {
    const dataDir = await makeDataDir()
    const first = await server(dataDir)
    const workshop = await createWorkshop(first.url)
    const before = await facilitator(first, workshop)
    const ref = await cardWith(first, before, workshop, 'Créer un conseil de maison')

    await first.stop()
    // Connected clients are told the server is going away, not that something is wrong.
    await waitFor(() => expect(before.closeCodes).toContain(CLOSE.shuttingDown))

    const second = await server(dataDir)
    const after = await facilitator(second, workshop)
    expect(textIn(after, ref)).toBe('Créer un conseil de maison')
    expect(readBoard(after.doc).themes).toHaveLength(2)
  })

  it('unloads a workshop when its last client leaves, and reloads it intact', async () => {
    const t = await server()
    const workshop = await createWorkshop(t.url)
    const a = await facilitator(t, workshop)
    const ref = await cardWith(t, a, workshop, 'Ouvrir le conseil aux jeunes')
    spliceText(a.doc, ref, 0, 0, '→ ')
    await waitFor(() =>
      expect(resolveText(t.server.rooms.get(workshop.id)!.doc, ref)?.toString()).toBe(
        '→ Ouvrir le conseil aux jeunes',
      ),
    )
    expect(await health(t.url)).toMatchObject({ workshops: 1, connections: 1 })

    a.destroy()
    await waitFor(async () => expect(await health(t.url)).toMatchObject({ workshops: 0, connections: 0 }))
    // Unloading compacts: one merged snapshot is left.
    expect(await t.server.storage.docs.count(workshop.id)).toBe(1)

    const b = await facilitator(t, workshop)
    expect(textIn(b, ref)).toBe('→ Ouvrir le conseil aux jeunes')
    expect((await health(t.url)).workshops).toBe(1)
  })

  it('compacts a busy workshop without changing its content', async () => {
    const t = await server()
    const workshop = await createWorkshop(t.url)
    const a = await facilitator(t, workshop)
    const watcher = await joinAndConnect(t.url, workshop, { name: 'Jeanne', centre: 'CS Centre' })
    clients.push(watcher)
    const ref = await cardWith(t, a, workshop, '')
    const typed = 'Mutualiser les formations des bénévoles entre centres. '.repeat(12)
    for (const letter of typed) spliceText(a.doc, ref, resolveText(a.doc, ref)!.length, 0, letter)
    expect(typed.length).toBeGreaterThan(COMPACT_AFTER)

    await waitFor(() => expect(textIn(watcher, ref)).toBe(typed))
    // Every keystroke was stored as its own update; past the threshold they became one snapshot.
    const stored = await t.server.storage.docs.count(workshop.id)
    expect(stored).toBeLessThan(COMPACT_AFTER)
    const onDisk = readStoredDoc(t.dataDir, workshop.id)
    expect(onDisk.rows).toBe(stored)
    expect(resolveText(onDisk.doc, ref)?.toString()).toBe(typed)
    expect(roots(onDisk.doc).roster.size).toBe(2)

    a.destroy()
    watcher.destroy()
    await waitFor(async () => (await health(t.url)).workshops === 0)
    const later = await facilitator(t, workshop)
    expect(textIn(later, ref)).toBe(typed)
  })

  it('a workshop whose stored document is damaged fails alone, with 4500', async () => {
    const t = await server()
    const damaged = await createWorkshop(t.url, { title: 'Abîmé' })
    const healthy = await createWorkshop(t.url, { title: 'Sain' })
    corruptStoredDoc(t.dataDir, damaged.id)

    const victim = connectClient(t.url, damaged.id, damaged.facilitatorKey)
    clients.push(victim)
    await waitFor(() => expect(victim.closeCodes).toContain(CLOSE.unavailable))
    const join = await postJson(t.url, `/api/workshops/${damaged.id}/join`, {
      joinCode: damaged.joinCode,
      name: 'Karim',
      centre: 'CS Gare',
    })
    expect(join.status).toBe(503)

    const a = await facilitator(t, healthy)
    const b = await joinAndConnect(t.url, healthy, { name: 'Louise', centre: 'CS Port' })
    clients.push(b)
    const ref = await cardWith(t, a, healthy, 'Toujours en service')
    await waitFor(() => expect(textIn(b, ref)).toBe('Toujours en service'))
    expect((await health(t.url)).status).toBe('ok')
  })

  it('a workshop whose last stored update was cut short fails alone with 4500, and its rows are left untouched', async () => {
    const dataDir = await makeDataDir()
    const first = await server(dataDir)
    const torn = await createWorkshop(first.url, { title: 'Coupé' })
    const healthy = await createWorkshop(first.url, { title: 'Entier' })
    await first.stop()
    // One more update after the snapshot, as a server killed between two compactions leaves them; then the tear.
    const storage = openSqliteStorage(dataDir)
    const later = readStoredDoc(dataDir, torn.id).doc
    const before = Y.encodeStateVector(later)
    addCard(later, {
      themeId: readBoard(later).themes[0]!.id,
      perspectiveId: null,
      text: 'Écrit avant la coupure',
      author: 'facilitator-1',
    })
    await storage.docs.append(torn.id, [Y.encodeStateAsUpdate(later, before)])
    await storage.close()
    const rows = truncateStoredDoc(dataDir, torn.id)
    expect(rows.length).toBe(2)

    const second = await server(dataDir)
    const victim = connectClient(second.url, torn.id, torn.facilitatorKey)
    clients.push(victim)
    await waitFor(() => expect(victim.closeCodes).toContain(CLOSE.unavailable))
    const a = await facilitator(second, healthy)
    const b = await joinAndConnect(second.url, healthy, { name: 'Noé', centre: 'CS Forge' })
    clients.push(b)
    const ref = await cardWith(second, a, healthy, 'Rien de perdu ici')
    await waitFor(() => expect(textIn(b, ref)).toBe('Rien de perdu ici'))
    // Nothing compacted or overwrote the damaged workshop: whoever repairs it finds every byte as it was.
    victim.destroy()
    expect(readStoredRows(dataDir, torn.id)).toEqual(rows)
    expect((await health(second.url)).status).toBe('ok')
  })

  it('a failed write closes the workshop with 4500 before anyone sees the change, then the author resends it', async () => {
    const dataDir = await makeDataDir()
    const real = openSqliteStorage(dataDir)
    let diskFull = false
    const storage: Storage = {
      registry: real.registry,
      votes: real.votes,
      close: () => real.close(),
      docs: {
        load: (id) => real.docs.load(id),
        append: (id, updates) =>
          diskFull ? Promise.reject(new Error('disk full')) : real.docs.append(id, updates),
        replace: (id, snapshot, upto) => real.docs.replace(id, snapshot, upto),
        count: (id) => real.docs.count(id),
      },
    }
    const t = await server(dataDir, storage)
    const workshop = await createWorkshop(t.url)
    const author = await facilitator(t, workshop)
    const other = await joinAndConnect(t.url, workshop, { name: 'Marius', centre: 'CS Plaine' })
    clients.push(other)

    diskFull = true
    const themeId = readBoard(author.doc).themes[0]!.id
    const id = addCard(author.doc, {
      themeId,
      perspectiveId: null,
      text: 'Pas encore écrit',
      author: 'facilitator-1',
    })!
    await waitFor(() => expect(other.closeCodes).toContain(CLOSE.unavailable))
    expect(author.closeCodes).toContain(CLOSE.unavailable)
    expect(roots(other.doc).cards.has(id)).toBe(false)

    diskFull = false
    // Both reconnect by themselves; the author's sync sends the card the server never stored.
    await waitFor(() =>
      expect(roots(other.doc).cards.get(id)?.get('text')?.toString()).toBe('Pas encore écrit'),
    )
    expect(readStoredDoc(dataDir, workshop.id).doc.getMap('cards').has(id)).toBe(true)
  })

  it('keeps an edit whose author vanished right after sending it, then unloads', async () => {
    const t = await server()
    const workshop = await createWorkshop(t.url)
    const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
    await raw.opened
    raw.ws.send(syncStep1Message())
    const local = new Y.Doc()
    await waitFor(() => {
      applyReceived(raw, local)
      return readBoard(local).themes.length === 2
    })
    const updates: Uint8Array[] = []
    local.on('update', (update: Uint8Array) => updates.push(update))
    const themeId = readBoard(local).themes[0]!.id
    const id = addCard(local, {
      themeId,
      perspectiveId: null,
      text: 'Envoyé juste avant de partir',
      author: 'facilitator-1',
    })!
    raw.ws.send(updateMessage(updates[0]!))
    raw.ws.terminate()

    await waitFor(async () => expect(await health(t.url)).toMatchObject({ workshops: 0, connections: 0 }))
    expect(readStoredDoc(t.dataDir, workshop.id).doc.getMap('cards').has(id)).toBe(true)
  })
})
