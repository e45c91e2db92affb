import { resolve } from 'node:path'
import jsQR from 'jsqr'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { addPerspective } from '../../shared/ops'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { launchBrowser } from '../helpers/browser'
import { connectClient, type TestClient } from '../helpers/clients'
import { commander, expectOk } from '../helpers/commands'
import { startTestServer, type TestServer } from '../helpers/server'

const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client')
const POLL = { timeout: 10_000 }

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []
const clients: TestClient[] = []

beforeAll(async () => {
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.cleanup()
})

/**
 * Reads the QR code as a phone would: from the screen's pixels. The element's screenshot is drawn on a canvas in
 * a blank page to get its RGBA data, which jsQR decodes here.
 */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const png = await page.locator(selector).screenshot()
  const scratch = await page.context().newPage()
  const { data, width, height } = await scratch.evaluate(async (base64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${base64}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height)
    return { data: Array.from(pixels.data), width: pixels.width, height: pixels.height }
  }, png.toString('base64'))
  await scratch.close()
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null
}

/** Item and dots of each bar of the projected chart, best first. */
function chart(page: Page): Promise<string[]> {
  return page
    .locator('.results-list--projector .result')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.result__text')?.textContent} — ${row.querySelector('.result__votes')?.textContent}`,
      ),
    )
}

describe('the projector', () => {
  it('shows how to join (QR code included), the vote’s progress, then the results as they change', async () => {
    const workshop = await createWorkshop(server.url, {
      title: 'Rencontre des centres sociaux',
      organiser: 'Fédération',
    })
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' })
    contexts.push(context)
    // The facilitator opens their link on this computer once: the key stays in this browser.
    const facilitatorPage = await context.newPage()
    await facilitatorPage.goto(`${server.url}${workshop.facilitatorPath}`)
    await facilitatorPage.getByRole('navigation', { name: 'Étapes de l’atelier' }).waitFor()

    const projector = await context.newPage()
    await projector.goto(`${server.url}/atelier/${workshop.id}/projection`)
    await projector.getByRole('heading', { name: 'Rejoignez l’atelier' }).waitFor()
    const joinUrl = `${server.url}/rejoindre/${workshop.joinCode}`
    expect(await projector.locator('.join-screen__code').textContent()).toBe(workshop.joinCode)
    expect(await decodeQr(projector, '.join-screen__qr-code')).toBe(joinUrl)
    // No credential on screen, in the page or in its address.
    expect(projector.url()).toBe(`${server.url}/atelier/${workshop.id}/projection`)
    expect(await projector.content()).not.toContain(workshop.facilitatorKey)

    // A participant joins: the projector names them.
    const awa = await joinWorkshop(server.url, workshop, { name: 'Awa Diallo', centre: 'CS La Passerelle' })
    await projector.getByText('1 personne a rejoint l’atelier').waitFor()
    await projector.getByText('Awa Diallo').waitFor()

    // The facilitator (another device) writes two perspectives and opens a vote.
    const facilitator = connectClient(server.url, workshop.id, workshop.facilitatorKey)
    clients.push(facilitator)
    await facilitator.whenSynced
    const themeId = [...facilitator.doc.getMap('themes').keys()].sort()[0]!
    const p1 = addPerspective(facilitator.doc, { themeId, title: 'Aller vers les habitants' })!
    const p2 = addPerspective(facilitator.doc, { themeId, title: 'Former les équipes' })!
    const steer = commander(facilitator)
    await expectOk(steer, {
      type: 'round.open',
      settings: {
        budget: 3,
        maxPerItem: 3,
        targets: 'perspectives',
        scope: { kind: 'workshop' },
        anonymous: true,
      },
    })
    await expectOk(steer, { type: 'phase.set', phase: 'vote' })
    await projector.getByRole('heading', { name: 'Vote n°1 en cours' }).waitFor()
    await projector.getByText('0 / 1 ont voté').waitFor()

    const participant = connectClient(server.url, workshop.id, awa.token)
    clients.push(participant)
    await participant.whenSynced
    const votes = commander(participant)
    await expectOk(votes, { type: 'vote.add', itemId: p1 })
    await expectOk(votes, { type: 'vote.add', itemId: p1 })
    await projector.getByText('1 / 1 ont voté').waitFor()

    // Results: revealed with the last step.
    await expectOk(steer, { type: 'phase.set', phase: 'resultats' })
    await projector.getByRole('heading', { name: 'Résultats du vote n°1' }).waitFor()
    await expect.poll(() => chart(projector), POLL).toEqual(['Aller vers les habitants — 2 points'])

    // Reopened, one more dot, revealed again: the chart follows, the new bar half as long as the first.
    await expectOk(steer, { type: 'round.reopen' })
    await projector.getByRole('heading', { name: 'Vote n°1 en cours' }).waitFor()
    await expectOk(votes, { type: 'vote.add', itemId: p2 })
    await expectOk(steer, { type: 'round.reveal' })
    await expect
      .poll(() => chart(projector), POLL)
      .toEqual(['Aller vers les habitants — 2 points', 'Former les équipes — 1 point'])
    const bar = projector.locator(`.result[data-item-id="${p2}"] .result__fill`)
    expect(await bar.evaluate((el) => getComputedStyle(el).transitionProperty)).toContain('width')
    const track = projector.locator(`.result[data-item-id="${p2}"] .result__bar`)
    const trackWidth = (await track.boundingBox())!.width
    await expect
      .poll(async () => Math.round(((await bar.boundingBox())!.width / trackWidth) * 100), POLL)
      .toBe(50)
  })

  it('asks for the facilitator link first on a computer that never opened it', async () => {
    const workshop = await createWorkshop(server.url, { title: 'Atelier', organiser: 'Fédération' })
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/atelier/${workshop.id}/projection`)
    await page.getByText(/Ouvrez d’abord le lien d’animation sur cet ordinateur/).waitFor()
    expect(await page.locator('.join-screen').count()).toBe(0)
  })
})
