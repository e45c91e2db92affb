import { afterAll, beforeAll, expect, it } from 'vitest'
import { roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { CLOSE, MESSAGE } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, postJson, request } from '../helpers/api'
import { joinAndConnect, openRawSocket } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ limits: { messageBurst: 5, messagesPerSecond: 1 } })
})
afterAll(() => t.cleanup())

/** Reads a Prometheus text exposition into `name{labels}` -> value. */
async function scrape(): Promise<Map<string, number>> {
  const result = await request<string>(t.url, '/metrics')
  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
  const samples = new Map<string, number>()
  for (const line of result.body.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line)
    if (!match) throw new Error(`not an exposition line: ${line}`)
    samples.set(match[1]!, Number(match[2]))
  }
  return samples
}

const value = (samples: Map<string, number>, name: string) => samples.get(name) ?? 0

it('GET /metrics counts connections, messages, bytes, refusals, limits, storage latency and memory', async () => {
  const before = await scrape()
  expect(value(before, 'loupe_connections')).toBe(0)
  expect(value(before, 'process_resident_memory_bytes')).toBeGreaterThan(0)
  expect(value(before, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
  expect(value(before, 'loupe_limit{name="messageBurst"}')).toBe(5)
  expect(value(before, 'loupe_limit{name="cardsPerBoard"}')).toBe(500)

  const workshop = await createWorkshop(t.url)
  const [writer, reader] = [
    await joinAndConnect(t.url, workshop, { name: 'Agathe', centre: 'CS Mesure' }),
    await joinAndConnect(t.url, workshop, { name: 'Bilal', centre: 'CS Mesure' }),
  ]
  const themeId = readBoard(writer.doc).themes[0]!.id
  const id = addCard(writer.doc, {
    themeId,
    perspectiveId: null,
    text: 'Compté',
    author: writer.participantId,
  })!
  await waitFor(() => roots(reader.doc).cards.has(id))
  // A refused update, a connection over its message limit, a 429 and a 404.
  roots(writer.doc).control.set('phase', 'resultats')
  await waitFor(() => expect(writer.closeCodes).toContain(CLOSE.refused))
  writer.destroy()
  const raw = openRawSocket(t.url, workshop.id, workshop.facilitatorKey)
  await raw.opened
  for (let i = 0; i < 10; i++) raw.ws.send(new Uint8Array([MESSAGE.queryAwareness]))
  expect((await raw.closed).code).toBe(CLOSE.rateLimited)
  await request(t.url, '/api/nothing')
  for (let i = 0; i < 31; i++) await request(t.url, '/api/codes/AAAAAA')
  expect((await postJson(t.url, '/api/workshops', { title: '' })).status).toBe(400)

  const after = await waitFor(async () => {
    const samples = await scrape()
    expect(value(samples, 'loupe_connections')).toBe(1)
    return samples
  })
  expect(value(after, 'loupe_workshops_loaded')).toBe(1)
  for (const counter of [
    'loupe_ws_messages_received_total',
    'loupe_ws_messages_sent_total',
    'loupe_ws_received_bytes_total',
    'loupe_ws_sent_bytes_total',
  ]) {
    expect(value(after, counter), counter).toBeGreaterThan(value(before, counter))
  }
  expect(value(after, 'loupe_ws_received_bytes_total')).toBeGreaterThan(
    value(after, 'loupe_ws_messages_received_total'),
  )
  expect(value(after, 'loupe_updates_refused_total{reason="server_root"}')).toBe(1)
  expect(value(after, 'loupe_limited_closes_total{reason="too_many_messages"}')).toBe(1)
  expect(value(after, 'loupe_http_rate_limited_total{limit="wrong_codes_address"}')).toBe(1)
  expect(value(after, 'loupe_http_responses_total{code="404"}')).toBeGreaterThanOrEqual(31)
  expect(value(after, 'loupe_http_responses_total{code="400"}')).toBe(1)
  expect(value(after, 'loupe_http_responses_total{code="201"}')).toBe(1)
  // Every batch stored went through the histogram: creating the workshop, the roster twice, the card.
  const stored = value(after, 'loupe_persist_duration_seconds_count')
  expect(stored).toBeGreaterThanOrEqual(3)
  expect(value(after, 'loupe_persist_duration_seconds_bucket{le="+Inf"}')).toBe(stored)
  expect(value(after, 'loupe_persist_duration_seconds_sum')).toBeGreaterThan(0)
  expect(value(after, 'loupe_persist_duration_seconds_bucket{le="5"}')).toBeLessThanOrEqual(stored)
  reader.destroy()
})

it('GET /metrics shows how late the event loop ran', async () => {
  const late = (samples: Map<string, number>) =>
    value(samples, 'loupe_event_loop_lag_seconds_count') -
    value(samples, 'loupe_event_loop_lag_seconds_bucket{le="0.1"}')
  const before = await scrape()
  expect(value(before, 'loupe_event_loop_lag_seconds_count')).toBeGreaterThan(0)
  // The server runs in this process: holding the thread holds its event loop, as a long task would.
  const until = performance.now() + 200
  while (performance.now() < until) {
    // Busy.
  }
  await new Promise((resolve) => setTimeout(resolve, 30))
  const after = await scrape()
  expect(late(after) - late(before)).toBeGreaterThanOrEqual(1)
  expect(
    value(after, 'loupe_event_loop_lag_seconds_sum') - value(before, 'loupe_event_loop_lag_seconds_sum'),
  ).toBeGreaterThan(0.15)
})
