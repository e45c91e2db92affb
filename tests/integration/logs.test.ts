import { afterAll, beforeAll, expect, it } from 'vitest'
import { roots } from '../../shared/doc'
import { CLOSE } from '../../shared/protocol'
import { createWorkshop, joinWorkshop, request } from '../helpers/api'
import { connectClient, openRawSocket } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const lines: string[] = []
let t: TestServer

beforeAll(async () => {
  t = await startTestServer({ logLevel: 'debug', logWrite: (line) => lines.push(line) })
})
afterAll(() => t.cleanup())

it('logs one JSON object per event and never a credential', async () => {
  const workshop = await createWorkshop(t.url)
  const joined = await joinWorkshop(t.url, workshop)
  await request(t.url, `/api/workshops/${workshop.id}/session`, {
    headers: { authorization: `Bearer ${joined.token}` },
  })

  const client = connectClient(t.url, workshop.id, joined.token)
  await client.whenSynced
  roots(client.doc).meta.set('title', 'Refusé')
  await waitFor(() => expect(client.closeCodes).toContain(CLOSE.refused))
  client.destroy()
  const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
  await raw.opened
  raw.ws.send(new Uint8Array([0xff, 0xff]))
  expect((await raw.closed).code).toBe(CLOSE.malformed)
  await t.stop()

  const events = lines.map((line) => JSON.parse(line) as { t: string; level: string; event: string })
  for (const event of events) {
    expect(event).toEqual(
      expect.objectContaining({
        t: expect.any(String),
        level: expect.any(String),
        event: expect.any(String),
      }),
    )
  }
  const names = events.map((event) => event.event)
  expect(names).toEqual(
    expect.arrayContaining([
      'server_started',
      'update_refused',
      'message_malformed',
      'room_unloaded',
      'server_stopped',
    ]),
  )
  const everything = lines.join('\n')
  expect(everything).not.toContain(workshop.facilitatorKey)
  expect(everything).not.toContain(joined.token)
})
