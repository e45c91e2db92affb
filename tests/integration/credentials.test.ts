import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { CLOSE } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, joinWorkshop, postJson, request } from '../helpers/api'
import { connectClient, openRawSocket } from '../helpers/clients'
import { expectOk } from '../helpers/commands'
import { facilitatorOf, participantOf, serverDoc } from '../helpers/people'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** Credentials: unguessable, kept out of the document, the database and the logs, and dead once revoked. */

const lines: string[] = []
let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ logLevel: 'debug', logWrite: (line) => lines.push(line) })
})
afterAll(() => t.cleanup())

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

it('are 32 random bytes, never in the document, the database file or any log line, and a removal closes at once', async () => {
  const workshop = await createWorkshop(t.url, { title: 'Secrets', organiser: 'Fédération' })
  const facilitator = await facilitatorOf(t, workshop)
  const cofacilitator = await postJson<{ facilitatorKey: string }>(
    t.url,
    `/api/workshops/${workshop.id}/facilitators`,
    {},
  )
  expect(cofacilitator.status).toBe(401)
  const added = await request<{ facilitatorKey: string }>(
    t.url,
    `/api/workshops/${workshop.id}/facilitators`,
    {
      method: 'POST',
      ...bearer(workshop.facilitatorKey),
    },
  )
  const alice = await participantOf(t, workshop, 'Alice')
  const bob = await participantOf(t, workshop, 'Bob')
  const credentials = [workshop.facilitatorKey, added.body.facilitatorKey, alice.token, bob.token]

  // Unguessable: 256 bits from the system's generator, each one different.
  for (const credential of credentials) expect(Buffer.from(credential, 'base64url')).toHaveLength(32)
  expect(new Set(credentials).size).toBe(credentials.length)

  // Everything that might echo a credential: sessions, a projector, wrong tokens, a refused write, a removal.
  for (const credential of credentials)
    await request(t.url, `/api/workshops/${workshop.id}/session`, bearer(credential))
  const projector = connectClient(t.url, workshop.id, workshop.facilitatorKey, {
    params: { as: 'projector' },
  })
  await projector.whenSynced
  const wrong = openRawSocket(t.url, workshop.id, alice.token.slice(1))
  expect((await wrong.closed).code).toBe(CLOSE.unauthorized)
  const themeId = readBoard(bob.doc).themes[0]!.id
  addCard(bob.doc, { themeId, perspectiveId: null, text: 'Une idée', author: bob.participantId })
  roots(alice.doc).control.set('phase', 'vote')
  await waitFor(() => expect(alice.closeCodes).toContain(CLOSE.refused))

  // A removed participant's open connection is closed at once; the credential opens nothing any more.
  await expectOk(facilitator.commands, { type: 'participant.remove', participantId: bob.participantId })
  await waitFor(() => expect(bob.closeCodes).toEqual([CLOSE.removed]))
  expect((await request(t.url, `/api/workshops/${workshop.id}/session`, bearer(bob.token))).status).toBe(401)
  const again = openRawSocket(t.url, workshop.id, bob.token)
  expect((await again.closed).code).toBe(CLOSE.removed)

  const docs = [serverDoc(t, workshop.id), facilitator.doc, projector.doc]
  const stored = Y.encodeStateAsUpdate(serverDoc(t, workshop.id))
  for (const person of [facilitator, alice, bob, projector]) person.destroy()
  await t.stop()
  const files = await Promise.all(
    (await readdir(t.dataDir)).map((name) =>
      readFile(join(t.dataDir, name)).then((bytes) => bytes.toString('latin1')),
    ),
  )
  const everything = [
    ...docs.map((doc) => JSON.stringify(doc.toJSON())),
    Buffer.from(stored).toString('latin1'),
    ...files,
    lines.join('\n'),
  ]
  const events = lines.map((line) => (JSON.parse(line) as { event: string }).event)
  expect(events).toEqual(
    expect.arrayContaining(['socket_refused', 'update_refused', 'socket_attached', 'room_unloaded']),
  )
  for (const credential of credentials) {
    for (const haystack of everything) {
      expect(haystack.includes(credential)).toBe(false)
      expect(haystack.includes(encodeURIComponent(credential))).toBe(false)
    }
  }
})

it('never renders what people type into HTML: user text only ever leaves the server as JSON', async () => {
  const strict = await startTestServer({ clientDir: null })
  const marker = '<script>alert("x")</script><img src=x onerror=alert(1)>**gras** \u202e‮'
  const workshop = await createWorkshop(strict.url, { title: marker, organiser: marker, place: marker })
  const joined = await joinWorkshop(strict.url, workshop, {
    name: marker.slice(0, 60),
    centre: marker.slice(0, 80),
  })
  const html: string[] = []
  const paths = [
    '/',
    `/rejoindre/${workshop.joinCode}`,
    `/atelier/${workshop.id}`,
    `/atelier/${encodeURIComponent(marker)}`,
    `/${encodeURIComponent(marker)}.html`,
    `/api/codes/${workshop.joinCode}`,
    `/api/codes/${encodeURIComponent(marker)}`,
    `/api/workshops/${workshop.id}`,
    `/api/workshops/${encodeURIComponent(marker)}/join`,
  ]
  for (const path of paths) {
    for (const init of [{}, bearer(joined.token)]) {
      const result = await request<unknown>(strict.url, path, init)
      const type = result.headers.get('content-type') ?? ''
      const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body)
      if (!type.includes('application/json')) html.push(body)
      expect(result.headers.get('x-content-type-options')).toBe('nosniff')
    }
  }
  const session = await request<{ name: string }>(
    strict.url,
    `/api/workshops/${workshop.id}/session`,
    bearer(joined.token),
  )
  expect(session.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(session.body.name).toBe(marker.slice(0, 60))
  expect(html.length).toBeGreaterThan(0)
  for (const page of html) {
    expect(page).not.toContain('<script>alert')
    expect(page).not.toContain('onerror')
  }
  await strict.cleanup()
})
