import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkshop } from '../helpers/api'
import { joinAndConnect } from '../helpers/clients'
import { freePort, makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/server'

/** What `npm start` runs: the server's build (plain Node, no TypeScript loader) serving the web app's build. */

const REPO_ROOT = resolve(import.meta.dirname, '../..')
const SERVER_BUILD = 'dist/server/index.js'

let server: ServerProcess
let dataDir: string

beforeAll(async () => {
  for (const file of ['dist/client/index.html', SERVER_BUILD]) {
    if (!existsSync(join(REPO_ROOT, file)))
      throw new Error(`${file} is missing: run \`npm run build\` (npm test does) before this test`)
  }
  dataDir = await makeDataDir()
  server = await spawnServerProcess({ dataDir, port: await freePort(), entry: SERVER_BUILD })
}, 60_000)
afterAll(async () => {
  await server?.kill('SIGTERM')
  await rm(dataDir, { recursive: true, force: true })
})

describe('the server build', () => {
  it('serves the web app, in French', async () => {
    const page = await fetch(server.url + '/')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<html lang="fr">')
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const served = await fetch(server.url + script, { headers: { 'accept-encoding': 'br' } })
    expect(served.status).toBe(200)
    // Compressed by the build, sent as brotli; fetch hands back the decoded text.
    expect(served.headers.get('content-encoding')).toBe('br')
    expect(await served.text()).toBe(await readFile(join(REPO_ROOT, 'dist/client', script ?? ''), 'utf8'))
  })

  it('creates a workshop and syncs a participant', async () => {
    const workshop = await createWorkshop(server.url)
    const person = await joinAndConnect(server.url, workshop, { name: 'Awa', centre: 'Centre social' })
    expect(person.doc.getMap('meta').get('title')).toBe('Atelier participation')
    person.destroy()
  })

  it('stops cleanly on SIGTERM', async () => {
    await server.kill('SIGTERM')
    expect(server.child.exitCode).toBe(0)
  })
})
