import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkshopExport } from '../../shared/export'
import { spliceText } from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, health, postJson, request } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { auth, exportedWorkshop, fetchExport, type ExportedWorkshop } from '../helpers/exports'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** The export and import routes, against a real server and real clients. */

let t: TestServer
let w: ExportedWorkshop
let workshop: CreateWorkshopResponse

const exportOf = (id: string, query: string, token = workshop.facilitatorKey) =>
  fetchExport(t, id, query, token)

/** The board as plain texts in order: what must survive an export and an import. */
function boardTexts(board: ReturnType<typeof readBoard>) {
  return board.themes.map((theme) => ({
    name: theme.name,
    questions: theme.questions,
    perspectives: board.perspectives
      .filter((p) => p.themeId === theme.id)
      .map((p) => ({
        title: p.title,
        cards: board.cards.filter((c) => c.place.perspectiveId === p.id).map((c) => [c.text, c.example]),
      })),
    unsorted: board.cards
      .filter((c) => c.place.themeId === theme.id && c.place.perspectiveId === null)
      .map((c) => c.text),
  }))
}

beforeAll(async () => {
  t = await startTestServer()
  w = await exportedWorkshop(t)
  workshop = w.workshop
})

afterAll(async () => {
  w.destroy()
  await t.cleanup()
})

describe('GET /api/workshops/:id/export', () => {
  it('asks for a credential (401), and refuses participants (403)', async () => {
    expect((await request(t.url, `/api/workshops/${workshop.id}/export?format=md`)).status).toBe(401)
    expect((await exportOf(workshop.id, 'format=md', 'not-a-key')).status).toBe(401)
    const participantTry = await exportOf(workshop.id, 'format=md', w.participant.token)
    expect(participantTry.status).toBe(403)
    expect(participantTry.body).toMatchObject({ error: 'unauthorized' })
    const other = await createWorkshop(t.url, { title: 'Autre atelier' })
    expect((await exportOf(workshop.id, 'format=md', other.facilitatorKey)).status).toBe(401)
  })

  it('refuses an unknown format or separator with a message', async () => {
    const pdf = await exportOf(workshop.id, 'format=pdf')
    expect(pdf.status).toBe(400)
    expect(pdf.body).toMatchObject({
      error: 'invalid_input',
      message: expect.stringContaining('md, html, json, csv'),
    })
    expect((await exportOf(workshop.id, 'format=csv&sep=tab')).status).toBe(400)
  })

  it('serves the synthesis in Markdown and HTML as files to download', async () => {
    const md = await exportOf(workshop.id, 'format=md')
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="regards-croises-synthese.md"')
    expect(md.headers.get('cache-control')).toBe('no-store')
    expect(md.body).toContain('# Regards croisés')
    expect(md.body).toContain('### 1. Se former ensemble — 1 voix')
    expect(md.body).toContain('- Des formations \\<communes\\>')
    // People are counted, and their organisations listed, but never named.
    expect(md.body).toContain('1 participant, venu de 1 structure : Centre social Awa.')
    expect(md.body.replaceAll('Centre social Awa', '')).not.toContain('Awa')

    const html = await exportOf(workshop.id, 'format=html')
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-disposition')).toBe(
      'attachment; filename="regards-croises-synthese.html"',
    )
    expect(html.body).toContain('<li>Des formations &lt;communes&gt;</li>')
  })

  it('serves the whole workshop as JSON, without any credential', async () => {
    const json = await exportOf(workshop.id, 'format=json')
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(json.headers.get('content-disposition')).toBe(
      'attachment; filename="regards-croises-atelier.json"',
    )
    const exported = json.body as unknown as WorkshopExport
    expect(exported).toMatchObject({
      format: 'loupe-workshop',
      version: 1,
      meta: { title: 'Regards croisés' },
    })
    expect(exported.roster.map((p) => [p.name, p.role])).toEqual([
      ['Fédération', 'facilitator'],
      ['Awa', 'participant'],
    ])
    const text = JSON.stringify(exported)
    expect(text).not.toContain(workshop.facilitatorKey)
    expect(text).not.toContain(w.participant.token)
  })

  it('serves the votes as CSV, semicolon-separated on request', async () => {
    const csv = await exportOf(workshop.id, 'format=csv&sep=;')
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="regards-croises-votes.csv"')
    // fetch's text() drops a byte order mark: the bytes show it is there.
    const bytes = new Uint8Array(
      await (
        await fetch(`${t.url}/api/workshops/${workshop.id}/export?format=csv`, auth(workshop.facilitatorKey))
      ).arrayBuffer(),
    )
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.body).toBe(
      'round;round_status;theme;item_kind;item_number;item_text;votes\r\n' +
        '1;revealed;Participation des habitants;perspective;P1;Se former ensemble;1\r\n',
    )
  })

  it('shows an edit as soon as the server has it', async () => {
    const cardId = readBoard(w.participant.doc).cards.find((c) => c.text === 'Le jardin partagé')?.id ?? ''
    spliceText(w.participant.doc, { kind: 'card', id: cardId, field: 'text' }, 17, 0, ' du quartier')
    await waitFor(async () =>
      (await exportOf(workshop.id, 'format=md')).body.includes('Le jardin partagé du quartier'),
    )
  })

  it('loads a workshop nobody has open for the time of the export, then lets it go', async () => {
    const quiet = await createWorkshop(t.url, { title: 'Atelier au repos' })
    expect(t.server.rooms.get(quiet.id)).toBeUndefined()
    const md = await exportOf(quiet.id, 'format=md', quiet.facilitatorKey)
    expect(md.status).toBe(200)
    expect(md.body).toContain('# Atelier au repos')
    await waitFor(() => t.server.rooms.get(quiet.id) === undefined)
  })
})

describe('POST /api/workshops/import', () => {
  it('creates a new workshop whose board a client syncs, equal to the original', async () => {
    const exported = (await exportOf(workshop.id, 'format=json')).body
    const result = await postJson<CreateWorkshopResponse & { notes: string[] }>(
      t.url,
      '/api/workshops/import',
      exported,
    )
    expect(result.status).toBe(201)
    const created = result.body
    expect(created.id).not.toBe(workshop.id)
    expect(created.participantPath).toBe(`/rejoindre/${created.joinCode}`)
    expect(created.facilitatorPath).toBe(`/atelier/${created.id}/animer#cle=${created.facilitatorKey}`)
    expect(created.notes).toEqual([expect.stringContaining('Vote round 1 was under way')])

    const session = await request(t.url, `/api/workshops/${created.id}/session`, auth(created.facilitatorKey))
    expect(session.body).toMatchObject({ role: 'facilitator', name: 'Fédération', title: 'Regards croisés' })
    expect((await request(t.url, `/api/codes/${created.joinCode}`)).status).toBe(200)

    const client = connectClient(t.url, created.id, created.facilitatorKey)
    await client.whenSynced
    expect(boardTexts(readBoard(client.doc))).toEqual(boardTexts(readBoard(w.facilitator.doc)))
    client.destroy()
    const synthesis = await exportOf(created.id, 'format=md', created.facilitatorKey)
    expect(synthesis.body).toBe((await exportOf(workshop.id, 'format=md')).body)
  })

  it('takes files far larger than other requests', async () => {
    const exported = (await exportOf(workshop.id, 'format=json')).body as unknown as WorkshopExport
    const theme = exported.themes[1]
    if (!theme) throw new Error('no second theme')
    theme.unsorted = Array.from({ length: 200 }, (_, i) => ({
      id: `big-${i}`,
      text: `${i} ${'x'.repeat(900)}`,
      example: false,
      hidden: false,
      author: '',
    }))
    const body = JSON.stringify(exported)
    expect(body.length).toBeGreaterThan(64 * 1024)
    expect((await postJson(t.url, '/api/workshops/import', body)).status).toBe(201)
  })

  it('refuses an invalid file with 400 naming the problem, and creates nothing', async () => {
    const before = (await health(t.url)).workshops
    const result = await postJson(t.url, '/api/workshops/import', {
      format: 'loupe-workshop',
      version: 1,
      meta: {},
      themes: [],
    })
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({
      error: 'invalid_input',
      path: 'meta.title',
      message: expect.stringContaining('meta.title'),
    })
    expect((await health(t.url)).workshops).toBe(before)
  })

  it('refuses a body over 5 MB with 413', async () => {
    const result = await postJson(t.url, '/api/workshops/import', { padding: 'x'.repeat(5 * 1024 * 1024) })
    expect(result.status).toBe(413)
  })
})
