import { connect } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../server/http/respond'
import { createWorkshop, postJson, request } from '../helpers/api'
import { startTestServer, type TestServer } from '../helpers/server'

/** Every answer carries the security headers and sets no cookie: errors, limits and unparseable requests included. */

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ clientDir: null, limits: { wrongCodesPerMinutePerAddress: 1 } })
})
afterAll(() => t.cleanup())

/** Sends bytes as they are and returns the raw answer (for what fetch refuses to send). */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(t.server.port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
  })
}

/** Lower-cased header names to values, from a raw HTTP answer. */
function headersOf(answer: string): Map<string, string> {
  const head = answer.split('\r\n\r\n')[0] ?? ''
  return new Map(
    head
      .split('\r\n')
      .slice(1)
      .map((line): [string, string] => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
  )
}

function expectSecure(headers: { get(name: string): string | null | undefined }, where: string): void {
  expect(headers.get('content-security-policy'), where).toBe(CONTENT_SECURITY_POLICY)
  expect(headers.get('x-content-type-options'), where).toBe('nosniff')
  expect(headers.get('referrer-policy'), where).toBe('no-referrer')
  expect(headers.get('x-frame-options'), where).toBe('DENY')
  expect(headers.get('set-cookie') ?? null, where).toBeNull()
}

it('on answers of every kind, from success to 503', async () => {
  const workshop = await createWorkshop(t.url)
  const cases: Array<[string, () => Promise<{ status: number; headers: Headers }>, number]> = [
    ['health', () => request(t.url, '/healthz'), 200],
    ['metrics', () => request(t.url, '/metrics'), 200],
    ['HEAD', () => fetch(`${t.url}/api/workshops/${workshop.id}`, { method: 'HEAD' }), 200],
    ['invalid JSON', () => postJson(t.url, '/api/workshops', '{'), 400],
    ['unauthorised', () => request(t.url, `/api/workshops/${workshop.id}/session`), 401],
    [
      'wrong code',
      () =>
        postJson(t.url, `/api/workshops/${workshop.id}/join`, { joinCode: 'AAAAAA', name: 'a', centre: 'b' }),
      403,
    ],
    ['unknown API', () => request(t.url, '/api/nothing'), 404],
    ['wrong method', () => request(t.url, '/api/workshops', { method: 'PUT' }), 405],
    ['OPTIONS', () => request(t.url, '/', { method: 'OPTIONS' }), 405],
    ['too large', () => postJson(t.url, '/api/workshops', { title: 'x'.repeat(70_000) }), 413],
    ['rate limited', () => request(t.url, '/api/codes/BBBBBB'), 429],
    ['app not built', () => request(t.url, '/atelier/abc'), 503],
  ]
  for (const [what, send, status] of cases) {
    const result = await send()
    expect(result.status, what).toBe(status)
    expectSecure(result.headers, what)
  }
})

it('on a request Node cannot parse, and on a websocket upgrade to nowhere', async () => {
  const unparseable = await raw('GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n')
  expect(unparseable).toMatch(/^HTTP\/1\.1 400 /)
  expectSecure(headersOf(unparseable), 'unparseable')
  expect(unparseable).toContain('"error":"invalid_input"')

  const nowhere = await raw(
    'GET /ailleurs HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  )
  expect(nowhere).toMatch(/^HTTP\/1\.1 404 /)
  expectSecure(headersOf(nowhere), 'upgrade')
  // A protocol-relative path is a path, not another host, and never takes the server down.
  expect(
    await raw('GET //// HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
  ).toMatch(/^HTTP\/1\.1 404 /)
  // Read as the path /autre.example/…: an app route, whose page is not built here.
  expect((await request(t.url, '//autre.example/api/nothing')).status).toBe(503)
  expect((await request(t.url, '/healthz')).status).toBe(200)
})
