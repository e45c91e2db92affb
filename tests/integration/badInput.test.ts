import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { CLOSE, MAX_MESSAGE_BYTES, type CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, health } from '../helpers/api'
import {
  joinAndConnect,
  openRawSocket,
  syncStep1Message,
  updateMessage,
  type TestClient,
} from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
let workshop: CreateWorkshopResponse
let writer: TestClient & { participantId: string }
let reader: TestClient & { participantId: string }

beforeAll(async () => {
  t = await startTestServer()
  workshop = await createWorkshop(t.url)
  writer = await joinAndConnect(t.url, workshop, { name: 'Hélène', centre: 'CS Est' })
  reader = await joinAndConnect(t.url, workshop, { name: 'Ismaël', centre: 'CS Ouest' })
})
afterAll(async () => {
  writer.destroy()
  reader.destroy()
  await t.cleanup()
})

/** The well-behaved clients of the same workshop still sync with each other. */
async function othersStillSync(): Promise<void> {
  const themeId = readBoard(writer.doc).themes[0]!.id
  const id = addCard(writer.doc, {
    themeId,
    perspectiveId: null,
    text: 'Toujours là',
    author: writer.participantId,
  })!
  await waitFor(() => roots(reader.doc).cards.has(id))
  expect(writer.closeCodes).toEqual([])
  expect(reader.closeCodes).toEqual([])
  expect((await health(t.url)).status).toBe('ok')
}

/** Opens an authorised raw socket, sends `frame`, and returns the close code the server chose. */
async function closeCodeAfter(frame: Uint8Array | string): Promise<number> {
  const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
  await raw.opened
  raw.ws.send(frame)
  return (await raw.closed).code
}

const bytes = (...values: number[]) => new Uint8Array(values)

describe('a client sending what no Yjs client sends', () => {
  it.each([
    ['garbage bytes', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)],
    ['an empty frame', bytes()],
    ['an unknown message type', bytes(42, 0)],
    ['a sync message cut after its type', bytes(0)],
    ['an update without its payload', bytes(0, 2)],
    ['an update whose payload is cut short', bytes(0, 2, 50, 1, 2, 3)],
    ['an unknown sync step', bytes(0, 9, 0)],
    ['a state vector that does not decode', bytes(0, 0, 3, 0xff, 0xff, 0xff)],
    ['an update that is not a Yjs update', updateMessage(bytes(7, 200, 13, 0xff, 0xff, 1, 2, 3, 4, 5, 6))],
    ['presence that is not presence', bytes(1, 4, 1, 9, 9, 9)],
  ])('%s: that connection is closed with 4400, the others carry on', async (_case, frame) => {
    expect(await closeCodeAfter(frame)).toBe(CLOSE.malformed)
    await othersStillSync()
  })

  it('a text frame is closed with 4400', async () => {
    expect(await closeCodeAfter('{"hello":"world"}')).toBe(CLOSE.malformed)
    await othersStillSync()
  })

  it('a frame over the size limit is closed by the socket layer', async () => {
    const oversize = new Uint8Array(MAX_MESSAGE_BYTES + 1)
    expect(await closeCodeAfter(oversize)).toBe(1009)
    await othersStillSync()
  })

  it('a valid message after a bad one on another socket still works', async () => {
    const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
    await raw.opened
    raw.ws.send(syncStep1Message())
    await waitFor(() => raw.received.length >= 2)
    raw.ws.close()
    await othersStillSync()
    await waitFor(async () => (await health(t.url)).connections === 2)
  })
})

describe('a client that stops answering', () => {
  it('is dropped by the keepalive, and its workshop unloads', async () => {
    const quick = await startTestServer({ keepaliveMs: 100 })
    const created = await createWorkshop(quick.url)
    const raw = openRawSocket(quick.url, created.id, created.facilitatorKey)
    await raw.opened
    await waitFor(async () => (await health(quick.url)).connections === 1)
    // Stop reading: pings go unanswered, as with a laptop whose lid was closed.
    ;(raw.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    await waitFor(
      async () => expect(await health(quick.url)).toMatchObject({ connections: 0, workshops: 0 }),
      { timeout: 3000 },
    )
    raw.ws.terminate()
    await quick.cleanup()
  })
})
