import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../server/http/respond'
import { readMeta, roots } from '../../shared/doc'
import type { CreateWorkshopResponse, JoinResponse, WorkshopSummary } from '../../shared/protocol'
import { createWorkshop, health, joinWorkshop, postJson, request } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let clientDir: string
/** An asset worth compressing, as the app's scripts are. */
const BIG_SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const idee${i} = 'Idée ${i}'`).join('\n')

/** A GET that shows the bytes as they travel (fetch would decompress them). */
function rawGet(url: string, acceptEncoding: string | null, method = 'GET') {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, {
      method,
      headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding },
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  // A stand-in for `npm run build` output: an index page and one hashed asset.
  clientDir = await mkdtemp(join(tmpdir(), 'loupe-client-'))
  await mkdir(join(clientDir, 'assets'))
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Loupe</title><div id="root"></div>')
  await writeFile(join(clientDir, 'assets', 'index-abc123.js'), 'console.log("loupe")')
  await writeFile(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  // With the compressed copies `npm run build` writes next to it.
  await writeFile(join(clientDir, 'assets', 'app-def456.js'), BIG_SCRIPT)
  await writeFile(join(clientDir, 'assets', 'app-def456.js.br'), brotliCompressSync(BIG_SCRIPT))
  await writeFile(join(clientDir, 'assets', 'app-def456.js.gz'), gzipSync(BIG_SCRIPT))
  t = await startTestServer({ clientDir })
})

afterAll(async () => {
  await t.cleanup()
  await rm(clientDir, { recursive: true, force: true })
})

describe('health', () => {
  it('answers with the loaded workshop and connection counts', async () => {
    const result = await request(t.url, '/healthz')
    expect(result.status).toBe(200)
    expect(result.body).toEqual({ status: 'ok', workshops: 0, connections: 0 })
  })
})

describe('creating a workshop', () => {
  it('returns the id, join code, facilitator key and both paths', async () => {
    const result = await postJson<CreateWorkshopResponse>(t.url, '/api/workshops', {
      title: '  Rencontre des centres  ',
      date: '2025-03-14',
      place: 'Lyon',
      organiser: 'Fédération du Rhône',
    })
    expect(result.status).toBe(201)
    const created = result.body
    expect(created.id).toMatch(/^[0-9a-z]{12}$/)
    expect(created.joinCode).toMatch(/^[A-Z0-9]{6}$/)
    expect(created.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(created.participantPath).toBe(`/rejoindre/${created.joinCode}`)
    expect(created.facilitatorPath).toBe(`/atelier/${created.id}/animer#cle=${created.facilitatorKey}`)
  })

  it('starts the default template with two themes, the facilitator in the roster', async () => {
    const created = await createWorkshop(t.url, { title: 'Rencontre', organiser: 'Maëlle' })
    const client = connectClient(t.url, created.id, created.facilitatorKey)
    await client.whenSynced
    expect(roots(client.doc).themes.size).toBe(2)
    expect(readMeta(client.doc).title).toBe('Rencontre')
    const roster = [...roots(client.doc).roster.values()]
    expect(roster).toEqual([expect.objectContaining({ name: 'Maëlle', role: 'facilitator' })])
    client.destroy()
  })

  it("starts the 'vide' template with one theme", async () => {
    const created = await createWorkshop(t.url, { title: 'Atelier libre', template: 'vide' })
    const client = connectClient(t.url, created.id, created.facilitatorKey)
    await client.whenSynced
    expect(roots(client.doc).themes.size).toBe(1)
    expect([...roots(client.doc).roster.values()][0]?.name).toBe('Animation')
    client.destroy()
  })

  it.each([
    [{ title: '' }, 'title_required'],
    [{ title: '   ' }, 'title_required'],
    [{}, 'title_required'],
    [{ title: 'x'.repeat(121) }, 'title_too_long'],
    [{ title: 42 }, 'invalid_input'],
    [{ title: 'Atelier', place: 'x'.repeat(500) }, 'invalid_input'],
    [{ title: 'Atelier', template: 'inconnu' }, 'unknown_template'],
  ])('refuses %j with 400 %s', async (body, code) => {
    const result = await postJson<{ error: string; message: string }>(t.url, '/api/workshops', body)
    expect(result.status).toBe(400)
    expect(result.body.error).toBe(code)
    expect(result.body.message).toEqual(expect.any(String))
  })
})

describe('looking a workshop up', () => {
  let created: CreateWorkshopResponse
  beforeAll(async () => {
    created = await createWorkshop(t.url, { title: 'Partenariats 2025' })
  })

  it('finds it by join code, whatever the case and dashes', async () => {
    const code = created.joinCode
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`
    const result = await request<WorkshopSummary>(t.url, `/api/codes/${encodeURIComponent(typed)}`)
    expect(result.status).toBe(200)
    expect(result.body).toEqual({ id: created.id, title: 'Partenariats 2025', joinCode: code })
  })

  it('answers 404 for a code nobody uses or that cannot be a code', async () => {
    expect((await request(t.url, '/api/codes/AAAAAA')).status).toBe(404)
    expect((await request(t.url, '/api/codes/nope')).status).toBe(404)
  })

  it('gives the public summary by id, or 404', async () => {
    const found = await request<WorkshopSummary>(t.url, `/api/workshops/${created.id}`)
    expect(found.body).toEqual({ id: created.id, title: 'Partenariats 2025', joinCode: created.joinCode })
    const missing = await request<{ error: string }>(t.url, '/api/workshops/zzzzzzzzzzzz')
    expect(missing.status).toBe(404)
    expect(missing.body.error).toBe('not_found')
  })
})

describe('joining', () => {
  let created: CreateWorkshopResponse
  beforeAll(async () => {
    created = await createWorkshop(t.url)
  })
  const join = (body: unknown, id = created.id) =>
    postJson<JoinResponse & { error: string }>(t.url, `/api/workshops/${id}/join`, body)

  it('returns a participant token, which the session endpoint recognises', async () => {
    const result = await join({
      joinCode: created.joinCode.toLowerCase(),
      name: ' Awa ',
      centre: 'CS Tilleuls',
    })
    expect(result.status).toBe(200)
    expect(result.body.workshopId).toBe(created.id)
    expect(result.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const session = await request(t.url, `/api/workshops/${created.id}/session`, {
      headers: { authorization: `Bearer ${result.body.token}` },
    })
    expect(session.status).toBe(200)
    expect(session.body).toEqual({
      role: 'participant',
      participantId: result.body.participantId,
      name: 'Awa',
      centre: 'CS Tilleuls',
      workshopId: created.id,
      title: 'Atelier participation',
      joinCode: created.joinCode,
    })
  })

  it('refuses a wrong code with 403, bad fields with 400, an unknown workshop with 404', async () => {
    const person = { name: 'Awa', centre: 'CS Tilleuls' }
    const wrong = created.joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'
    expect((await join({ joinCode: wrong, ...person })).body.error).toBe('wrong_code')
    expect((await join({ joinCode: wrong, ...person })).status).toBe(403)
    const code = created.joinCode
    const cases: Array<[unknown, string]> = [
      [{ joinCode: code, name: '', centre: 'CS' }, 'name_required'],
      [{ joinCode: code, name: 'n'.repeat(61), centre: 'CS' }, 'name_too_long'],
      [{ joinCode: code, name: 'Awa', centre: '' }, 'centre_required'],
      [{ joinCode: code, name: 'Awa', centre: 'c'.repeat(81) }, 'centre_too_long'],
      [{ joinCode: code, name: ['Awa'], centre: 'CS' }, 'invalid_input'],
    ]
    for (const [body, error] of cases) {
      const result = await join(body)
      expect(result.status, error).toBe(400)
      expect(result.body.error).toBe(error)
    }
    const unknown = await join({ joinCode: code, ...person }, 'zzzzzzzzzzzz')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('not_found')
  })

  it('gives the facilitator their session, and 401 to anything else', async () => {
    const url = `/api/workshops/${created.id}/session`
    const facilitator = await request<{ role: string; participantId: string }>(t.url, url, {
      headers: { authorization: `Bearer ${created.facilitatorKey}` },
    })
    expect(facilitator.status).toBe(200)
    expect(facilitator.body.role).toBe('facilitator')
    expect(facilitator.body.participantId).toMatch(/^facilitator-/)
    expect((await request(t.url, url)).status).toBe(401)
    expect((await request(t.url, url, { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
    // A credential opens its own workshop only.
    const other = await createWorkshop(t.url)
    const crossed = await request(t.url, url, {
      headers: { authorization: `Bearer ${other.facilitatorKey}` },
    })
    expect(crossed.status).toBe(401)
  })

  it('adds the participant to the roster the board shows', async () => {
    const facilitator = connectClient(t.url, created.id, created.facilitatorKey)
    await facilitator.whenSynced
    const joined = await joinWorkshop(t.url, created, { name: 'Bernard', centre: 'Maison des familles' })
    const roster = roots(facilitator.doc).roster
    await expect
      .poll(() => roster.get(joined.participantId))
      .toMatchObject({
        name: 'Bernard',
        centre: 'Maison des familles',
        role: 'participant',
      })
    facilitator.destroy()
  })
})

describe('guessing join codes', () => {
  it('slows down an address that keeps trying wrong codes, not people who type theirs right', async () => {
    const strict = await startTestServer({ codeGuessesPerMinute: 3 })
    const created = await createWorkshop(strict.url)
    expect((await request(strict.url, `/api/codes/${created.joinCode}`)).status).toBe(200)
    for (const guess of ['AAAAAA', 'BBBBBB'])
      expect((await request(strict.url, `/api/codes/${guess}`)).status).toBe(404)
    const wrongJoin = await postJson(strict.url, `/api/workshops/${created.id}/join`, {
      joinCode: 'CCCCCC',
      name: 'X',
      centre: 'Y',
    })
    expect(wrongJoin.status).toBe(403)
    const limited = await request<{ error: string }>(strict.url, `/api/codes/${created.joinCode}`)
    expect(limited.status).toBe(429)
    expect(limited.body.error).toBe('rate_limited')
    await strict.cleanup()
  })
})

describe('bodies and errors', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const result = await postJson<{ error: string }>(t.url, '/api/workshops', '{"title": ')
    expect(result.status).toBe(400)
    expect(result.body.error).toBe('invalid_json')
  })

  it('answers a JSON value that is not an object with 400 invalid_input', async () => {
    const result = await postJson<{ error: string }>(t.url, '/api/workshops', '["Atelier"]')
    expect(result.body.error).toBe('invalid_input')
  })

  it('refuses bodies over 64 KB with 413', async () => {
    const result = await postJson<{ error: string }>(t.url, '/api/workshops', {
      title: 'x',
      place: 'y'.repeat(70_000),
    })
    expect(result.status).toBe(413)
    expect(result.body.error).toBe('too_large')
    expect((await health(t.url)).status).toBe('ok')
  })

  it('answers unknown API paths and wrong methods in JSON', async () => {
    const unknown = await request<{ error: string }>(t.url, '/api/nothing-here')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('not_found')
    const wrongMethod = await request(t.url, '/api/workshops', { method: 'DELETE' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })
})

describe('security headers', () => {
  it.each(['/healthz', '/api/codes/AAAAAA', '/', '/assets/index-abc123.js', '/nope.png'])(
    'are on %s',
    async (path) => {
      const result = await request(t.url, path)
      expect(result.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
      expect(result.headers.get('x-content-type-options')).toBe('nosniff')
      expect(result.headers.get('referrer-policy')).toBe('no-referrer')
      expect(result.headers.get('x-frame-options')).toBe('DENY')
    },
  )
})

describe('the web app', () => {
  it('serves index.html for app routes, uncached', async () => {
    for (const path of ['/', '/rejoindre/ABC234', `/atelier/abc/animer`]) {
      const result = await request<string>(t.url, path)
      expect(result.status, path).toBe(200)
      expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(result.headers.get('cache-control')).toBe('no-cache')
      expect(result.body).toContain('<div id="root">')
    }
  })

  it('serves hashed assets with a long cache and the right type', async () => {
    const result = await request<string>(t.url, '/assets/index-abc123.js')
    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(result.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(result.body).toBe('console.log("loupe")')
    const svg = await request(t.url, '/favicon.svg')
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
  })

  it('sends the compressed copies of the build, brotli first, to browsers that accept them', async () => {
    const url = `${t.url}/assets/app-def456.js`
    const br = await rawGet(url, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength)
    expect(br.body.byteLength).toBeLessThan(BIG_SCRIPT.length / 4)
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT)

    const gzip = await rawGet(url, 'br;q=0, gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(BIG_SCRIPT)

    for (const accept of [null, 'identity']) {
      const plain = await rawGet(url, accept)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(BIG_SCRIPT)
    }

    const head = await rawGet(url, 'br', 'HEAD')
    expect(head.headers['content-length']).toBe(br.headers['content-length'])
    expect(head.body.byteLength).toBe(0)
    // A file without copies goes as it is.
    expect(
      (await rawGet(`${t.url}/assets/index-abc123.js`, 'br')).headers['content-encoding'],
    ).toBeUndefined()
  })

  it('answers 404 for missing files instead of the app', async () => {
    expect((await request(t.url, '/assets/missing-123.js')).status).toBe(404)
    expect((await request(t.url, '/missing.png')).status).toBe(404)
    expect((await request(t.url, '/..%2f..%2fpackage.json')).status).toBe(404)
  })

  it('explains how to build it when it is not built', async () => {
    const bare = await startTestServer({ clientDir: join(clientDir, 'not-built') })
    const result = await request<string>(bare.url, '/atelier/abc')
    expect(result.status).toBe(503)
    expect(result.body).toContain('npm run build')
    expect((await request(bare.url, '/healthz')).status).toBe(200)
    await bare.cleanup()
  })
})
