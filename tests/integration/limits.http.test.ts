import { afterAll, describe, expect, it } from 'vitest'
import type { ServerLimits } from '../../server/limits'
import { createWorkshop, postJsonFrom, request } from '../helpers/api'
import { startTestServer, type TestServer } from '../helpers/server'

/** The HTTP API's limits answer 429 `{ error: 'rate_limited', message }`, to the one who went over only. */

const servers: TestServer[] = []
afterAll(async () => {
  for (const server of servers) await server.cleanup()
})

async function server(limits: Partial<ServerLimits>): Promise<TestServer> {
  const t = await startTestServer({ limits })
  servers.push(t)
  return t
}

describe('workshops created per address', () => {
  it('allows the hourly allowance, then answers 429 to that address only; refused attempts do not count', async () => {
    const t = await server({ workshopsPerHourPerAddress: 2 })
    const create = (from: string, title: unknown = 'Atelier') =>
      postJsonFrom<{ error?: string }>(from, t.url, '/api/workshops', { title })
    expect((await create('127.0.0.2', '')).status).toBe(400)
    expect((await create('127.0.0.2')).status).toBe(201)
    expect((await create('127.0.0.2')).status).toBe(201)
    const refused = await create('127.0.0.2')
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('hour') })
    expect(refused.headers.get('content-type')).toContain('application/json')
    // Importing a workshop creates one too.
    const imported = await postJsonFrom('127.0.0.2', t.url, '/api/workshops/import', { format: 'loupe' })
    expect(imported.status).toBe(429)
    expect((await create('127.0.0.3')).status).toBe(201)
    expect(t.server.metrics.limitedRequests.get('workshop_creation')).toBe(2)
  })
})

describe('join codes guessed from many addresses', () => {
  it('close that workshop to joining for a while once too many wrong codes were tried, whoever tries next', async () => {
    const t = await server({ wrongCodesPerWorkshop: 6, wrongCodesPerMinutePerAddress: 3 })
    const target = await createWorkshop(t.url, { title: 'Visé' })
    const other = await createWorkshop(t.url, { title: 'Tranquille' })
    const join = (from: string, workshop: { id: string }, joinCode: string) =>
      postJsonFrom<{ error: string }>(from, t.url, `/api/workshops/${workshop.id}/join`, {
        joinCode,
        name: 'Quelqu’un',
        centre: 'CS Ailleurs',
      })
    // Three machines, each under its own limit, two guesses each.
    for (const from of ['127.0.0.11', '127.0.0.12', '127.0.0.13']) {
      for (const guess of ['AAAAAA', 'BBBBBB']) expect((await join(from, target, guess)).status).toBe(403)
    }
    // Now even the right code, from a machine that never guessed, waits.
    const blocked = await join('127.0.0.14', target, target.joinCode)
    expect(blocked.status).toBe(429)
    expect(blocked.body.error).toBe('rate_limited')
    expect((await join('127.0.0.14', other, other.joinCode)).status).toBe(200)
    expect(t.server.metrics.limitedRequests.get('wrong_codes_workshop')).toBe(1)
    // The per-address limit still holds on its own.
    for (const guess of ['CCCCCC', 'DDDDDD', 'EEEEEE']) await join('127.0.0.15', other, guess)
    expect((await join('127.0.0.15', other, other.joinCode)).status).toBe(429)
    expect((await request(t.url, '/healthz')).status).toBe(200)
  })
})

describe('behind a reverse proxy', () => {
  const createVia = (t: TestServer, forwardedFor: string) =>
    request(t.url, '/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ title: 'Atelier' }),
    })

  it('with TRUST_PROXY, counts each laptop by the address the proxy appended, not by what the laptop wrote', async () => {
    const t = await startTestServer({ limits: { workshopsPerHourPerAddress: 1 }, trustProxy: true })
    servers.push(t)
    // Everything arrives from the proxy (here 127.0.0.1); the proxy appends the laptop's address last.
    expect((await createVia(t, '10.0.0.5')).status).toBe(201)
    expect((await createVia(t, '10.0.0.6')).status).toBe(201)
    expect((await createVia(t, '10.0.0.5')).status).toBe(429)
    // A laptop that writes its own header first is still counted by what the proxy appended.
    expect((await createVia(t, '10.0.0.99, 10.0.0.6')).status).toBe(429)
  })

  it('without it, ignores X-Forwarded-For, which anyone can write', async () => {
    const t = await server({ workshopsPerHourPerAddress: 1 })
    expect((await createVia(t, '10.0.0.5')).status).toBe(201)
    expect((await createVia(t, '10.0.0.6')).status).toBe(429)
  })
})
