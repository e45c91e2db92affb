import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { request } from '../helpers/api'
import { auth, cli, exportedWorkshop, fetchExport, type ExportedWorkshop } from '../helpers/exports'
import { startTestServer, type TestServer } from '../helpers/server'

/** `npm run loupe -- export | import | backup`, run as separate processes against the database of a running server. */

let t: TestServer
let w: ExportedWorkshop
let workshop: CreateWorkshopResponse
let scratch: string

const exportOf = (id: string, query: string, token = workshop.facilitatorKey) =>
  fetchExport(t, id, query, token)

beforeAll(async () => {
  t = await startTestServer()
  w = await exportedWorkshop(t)
  workshop = w.workshop
  scratch = await mkdtemp(join(tmpdir(), 'loupe-cli-'))
})

afterAll(async () => {
  w.destroy()
  await t.cleanup()
  await rm(scratch, { recursive: true, force: true })
})

describe('command line', () => {
  it('exports while the server runs, the same synthesis as over HTTP', async () => {
    const { code, stdout } = await cli('export', workshop.id, '--format', 'md', '--data-dir', t.dataDir)
    expect(code).toBe(0)
    expect(stdout).toBe((await exportOf(workshop.id, 'format=md')).body)
  })

  it('writes an export to a file', async () => {
    const out = join(scratch, 'votes.csv')
    const { code, stderr } = await cli(
      'export',
      workshop.id,
      '--format',
      'csv',
      '--out',
      out,
      '--data-dir',
      t.dataDir,
    )
    expect(code).toBe(0)
    expect(stderr).toContain(out)
    expect(await readFile(out, 'utf8')).toBe(`\uFEFF${(await exportOf(workshop.id, 'format=csv')).body}`)
  })

  it('says plainly what is wrong, with exit code 1 for failures and 2 for mistyped commands', async () => {
    const unknown = await cli('export', 'nope', '--format', 'md', '--data-dir', t.dataDir)
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('No workshop "nope"')
    const noDatabase = await cli(
      'export',
      workshop.id,
      '--format',
      'md',
      '--data-dir',
      join(scratch, 'empty'),
    )
    expect(noDatabase.code).toBe(1)
    expect(noDatabase.stderr).toContain('No Loupe database')
    expect(existsSync(join(scratch, 'empty'))).toBe(false)
    expect((await cli('export', workshop.id, '--format', 'pdf', '--data-dir', t.dataDir)).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli('help')).stdout).toContain('export <workshopId>')
  })

  it('imports a file into the running server’s database', async () => {
    const file = join(scratch, 'atelier.json')
    await writeFile(file, JSON.stringify((await exportOf(workshop.id, 'format=json')).body))
    const { code, stdout } = await cli(
      'import',
      file,
      '--data-dir',
      t.dataDir,
      '--url',
      'https://loupe.example',
    )
    expect(code).toBe(0)
    const id = /^Workshop: (\w+)$/m.exec(stdout)?.[1] ?? ''
    const key = /animer#cle=(\S+)$/m.exec(stdout)?.[1] ?? ''
    expect(stdout).toMatch(/^Join code: [A-Z0-9]{6}$/m)
    expect(stdout).toContain(`Facilitator (keep it secret): https://loupe.example/atelier/${id}/animer#cle=`)
    const session = await request(t.url, `/api/workshops/${id}/session`, auth(key))
    expect(session.body).toMatchObject({ role: 'facilitator', title: 'Regards croisés' })
    expect((await exportOf(id, 'format=md', key)).body).toBe((await exportOf(workshop.id, 'format=md')).body)
  })

  it('refuses a file that is not an export', async () => {
    const file = join(scratch, 'notes.json')
    await writeFile(file, '{"format":"loupe-workshop","version":7}')
    const { code, stderr } = await cli('import', file, '--data-dir', t.dataDir)
    expect(code).toBe(1)
    expect(stderr).toContain('version must be 1')
  })

  it('backs up the live database into a copy that opens and holds the workshop', async () => {
    const dir = join(scratch, 'backup')
    const { code, stdout } = await cli('backup', dir, '--data-dir', t.dataDir)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Backed up \d+ workshops to /)
    const copy = new Database(join(dir, 'loupe.sqlite'), { readonly: true })
    try {
      expect(copy.prepare('SELECT title FROM workshops WHERE id = ?').get(workshop.id)).toEqual({
        title: 'Regards croisés',
      })
    } finally {
      copy.close()
    }
    const fromCopy = await cli('export', workshop.id, '--format', 'md', '--data-dir', dir)
    expect(fromCopy.stdout).toBe((await exportOf(workshop.id, 'format=md')).body)
    expect((await cli('backup', dir, '--data-dir', t.dataDir)).code).toBe(1)
  })
})
