import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkshop } from '../helpers/api'
import { launchBrowser } from '../helpers/browser'
import { startTestServer, type TestServer } from '../helpers/server'

const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client')

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []
/** Each page's requests for its session (GET …/session). */
const sessionRequests = new Map<Page, string[]>()

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.cleanup()
})

async function joinAs(code: string, name: string, centre: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
  contexts.push(context)
  const page = await context.newPage()
  const asked: string[] = []
  sessionRequests.set(page, asked)
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/session')) asked.push(request.url())
  })
  await page.goto(`${server.url}/rejoindre/${code}`)
  await page.getByLabel('Votre prénom (et nom si vous le souhaitez)').fill(name)
  await page.getByLabel('Votre centre social ou structure').fill(centre)
  await page.getByRole('button', { name: 'Entrer dans l’atelier' }).click()
  await page.getByRole('tab', { name: 'Participation des habitants' }).waitFor()
  return page
}

describe('two participants on the same board', () => {
  it('each sees the other arrive, the other’s card appear and its text being typed', async () => {
    const workshop = await createWorkshop(server.url, {
      title: 'Atelier SENACS',
      template: 'participation-partenariats',
    })
    const awa = await joinAs(workshop.joinCode, 'Awa Diallo', 'Centre social des Tilleuls')
    const leo = await joinAs(workshop.joinCode, 'Léo Martin', 'Maison de quartier Grand Air')
    // The join form hands its session to the board: no second round trip before the board opens.
    expect(sessionRequests.get(awa)).toEqual([])

    // Presence: each one's list shows the other.
    await expect.poll(() => awa.getByText('Léo Martin').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => leo.getByText('Awa Diallo').count(), { timeout: 10_000 }).toBeGreaterThan(0)

    // Awa adds an idea to sort and types it letter by letter.
    await awa.getByRole('button', { name: 'Ajouter une idée' }).click()
    const awaCard = awa.getByRole('textbox', { name: /Texte de l’(action|idée)/ }).last()
    await awaCard.pressSequentially('Un café des parents', { delay: 20 })

    // Léo sees the card appear with Awa's text, as it is typed.
    const leoCards = leo.getByRole('textbox', { name: /Texte de l’(action|idée)/ })
    await expect.poll(() => leoCards.last().inputValue(), { timeout: 10_000 }).toBe('Un café des parents')

    // Léo types into the same card while Awa keeps typing: both keep their letters.
    await leoCards.last().click()
    await leoCards.last().press('Home')
    await leoCards.last().pressSequentially('Idée : ', { delay: 20 })
    await awaCard.press('End')
    await awaCard.pressSequentially(' le samedi', { delay: 20 })
    const expected = 'Idée : Un café des parents le samedi'
    await expect.poll(() => awaCard.inputValue(), { timeout: 10_000 }).toBe(expected)
    await expect.poll(() => leoCards.last().inputValue(), { timeout: 10_000 }).toBe(expected)

    // A reload brings the board back as it was, with the session asked afresh.
    expect(sessionRequests.get(leo)).toEqual([])
    await leo.reload()
    await expect
      .poll(
        () =>
          leo
            .getByRole('textbox', { name: /Texte de l’(action|idée)/ })
            .last()
            .inputValue(),
        { timeout: 10_000 },
      )
      .toBe(expected)
    expect(sessionRequests.get(leo)).toHaveLength(1)
  })
})
