import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import type { TestClient } from './clients'
import { startTestServer, type TestServer } from './server'

const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client')

export interface BrowserScene {
  /** A real server with a fresh SQLite file, serving the web app's build. */
  readonly server: TestServer
  readonly browser: Browser
  /** A page in a browser context of its own (nothing shared with the other pages), in French. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>
  /** Keeps a y-websocket client until the file's tests end. */
  keep(client: TestClient): TestClient
}

/**
 * What a file of browser tests shares: one server and one Chromium, started before its tests and closed after them
 * with every context and client the tests opened.
 */
export function browserScene(): BrowserScene {
  let server: TestServer | null = null
  let browser: Browser | null = null
  const contexts: BrowserContext[] = []
  const clients: TestClient[] = []
  beforeAll(async () => {
    server = await startTestServer({ clientDir: CLIENT_DIR })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.cleanup()
  })
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error('the browser scene is used before its tests started')
    return value
  }
  return {
    get server() {
      return started(server)
    },
    get browser() {
      return started(browser)
    },
    async newPage(viewport = { width: 1366, height: 768 }) {
      const context = await started(browser).newContext({ viewport, locale: 'fr-FR' })
      contexts.push(context)
      return context.newPage()
    },
    keep(client) {
      clients.push(client)
      return client
    },
  }
}

/** Opens the join link, fills the form as a participant would and waits for the board. */
export async function joinThroughForm(
  page: Page,
  serverUrl: string,
  person: { code: string; name: string; centre: string },
): Promise<void> {
  await page.goto(`${serverUrl}/rejoindre/${person.code}`)
  await page.getByLabel('Votre prénom (et nom si vous le souhaitez)').fill(person.name)
  await page.getByLabel('Votre centre social ou structure').fill(person.centre)
  await page.getByRole('button', { name: 'Entrer dans l’atelier' }).click()
  await page.getByRole('tab', { name: 'Participation des habitants' }).waitFor()
}
