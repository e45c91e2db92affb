import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkshop } from '../helpers/api'
import { launchBrowser } from '../helpers/browser'
import { startTestServer, type TestServer } from '../helpers/server'

const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client')
const POLL = { timeout: 10_000 }

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIR })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.cleanup()
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
  contexts.push(context)
  return context.newPage()
}

async function joinAs(code: string, name: string, centre: string): Promise<Page> {
  const page = await newPage()
  await page.goto(`${server.url}/rejoindre/${code}`)
  await page.getByLabel('Votre prénom (et nom si vous le souhaitez)').fill(name)
  await page.getByLabel('Votre centre social ou structure').fill(centre)
  await page.getByRole('button', { name: 'Entrer dans l’atelier' }).click()
  await page.getByRole('tab', { name: 'Participation des habitants' }).waitFor()
  return page
}

/** Adds a perspective and gives it a title, as a participant does during the collecte. */
async function addPerspective(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter une perspective' }).click()
  const field = page.getByRole('textbox', { name: /^Titre de la perspective/ }).last()
  await expect.poll(() => field.evaluate((el) => el === document.activeElement), POLL).toBe(true)
  await field.press('Control+A')
  await field.pressSequentially(title)
  await field.press('Tab')
}

/** Places one dot on a perspective and waits for the server's ballot to say how many are left. */
async function vote(page: Page, title: string, leftAfter: string): Promise<void> {
  await page
    .getByRole('group', { name: `Vote pour « ${title} »` })
    .getByRole('button', { name: /^Voter/ })
    .click()
  await page.getByText(leftAfter).waitFor()
}

/** The ranking a screen shows: item and dots, best first. */
function ranking(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Classement' })
    .locator('.result')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.result__text')?.textContent} — ${row.querySelector('.result__votes')?.textContent}`,
      ),
    )
}

describe('a full vote round', () => {
  it('collecte, vote with a budget the server enforces, then every screen shows the same ranking', async () => {
    const workshop = await createWorkshop(server.url, {
      title: 'Rencontre des centres sociaux',
      template: 'participation-partenariats',
      organiser: 'Fédération',
    })
    const facilitator = await newPage()
    await facilitator.goto(`${server.url}${workshop.facilitatorPath}`)
    await facilitator.getByRole('navigation', { name: 'Étapes de l’atelier' }).waitFor()

    const awa = await joinAs(workshop.joinCode, 'Awa Diallo', 'Centre social des Tilleuls')
    const leo = await joinAs(workshop.joinCode, 'Léo Martin', 'Maison de quartier Grand Air')
    const ines = await joinAs(workshop.joinCode, 'Inès Benali', 'CS Bonnefoi')

    // Collecte: each participant writes a perspective.
    await addPerspective(awa, 'Aller vers les habitants')
    await addPerspective(leo, 'Former les équipes')
    await addPerspective(ines, 'Ouvrir nos conseils')
    for (const page of [facilitator, awa, leo, ines]) {
      await expect
        .poll(() => page.locator('.perspective__title').evaluateAll((els) => els.length), POLL)
        .toBe(3)
    }

    // The facilitator sets the round (2 dots, up to 2 on one item, named), opens it and moves to the vote.
    await facilitator.getByRole('button', { name: /^Vote : tours et réglages/ }).click()
    await facilitator.getByLabel('Points par personne').fill('2')
    await facilitator.getByLabel('Au plus par élément').fill('2')
    await facilitator.getByLabel(/^Nominatifs/).check()
    await facilitator.getByRole('button', { name: 'Ouvrir le vote' }).click()
    await facilitator
      .getByRole('navigation', { name: 'Étapes de l’atelier' })
      .getByRole('button', { name: 'Vote', exact: true })
      .click()

    for (const page of [awa, leo, ines]) await page.getByText('Il vous reste 2 points sur 2').waitFor()
    await vote(awa, 'Aller vers les habitants', 'Il vous reste 1 point sur 2')
    await vote(awa, 'Aller vers les habitants', 'Il vous reste 0 point sur 2')
    await vote(leo, 'Former les équipes', 'Il vous reste 1 point sur 2')
    await vote(leo, 'Aller vers les habitants', 'Il vous reste 0 point sur 2')
    await vote(ines, 'Former les équipes', 'Il vous reste 1 point sur 2')
    await vote(ines, 'Ouvrir nos conseils', 'Il vous reste 0 point sur 2')

    // Awa tries a third dot: the button says it is spent; pressed anyway, the server refuses it.
    const spent = awa
      .getByRole('group', { name: 'Vote pour « Former les équipes »' })
      .getByRole('button', { name: /^Voter/ })
    expect(await spent.getAttribute('aria-disabled')).toBe('true')
    await spent.focus()
    await awa.keyboard.press('Enter')
    await awa.getByText('Vous avez placé tous vos points : retirez-en un pour voter ailleurs.').waitFor()
    await awa.getByText('Il vous reste 0 point sur 2').waitFor()

    await facilitator.getByText('3 / 3 participants ont voté').waitFor()

    // Results: the facilitator moves to the last step, which reveals the round.
    await facilitator
      .getByRole('navigation', { name: 'Étapes de l’atelier' })
      .getByRole('button', { name: 'Résultats', exact: true })
      .click()
    const expected = [
      'Aller vers les habitants — 3 points',
      'Former les équipes — 2 points',
      'Ouvrir nos conseils — 1 point',
    ]
    for (const page of [facilitator, awa, leo, ines]) {
      await page.getByRole('heading', { name: 'Résultats du vote n°1' }).waitFor()
      await expect.poll(() => ranking(page), POLL).toEqual(expected)
    }
    // A named round says who voted for what.
    const first = awa.getByRole('list', { name: 'Classement' }).locator('.result').first()
    expect(await first.locator('.result__voters').textContent()).toBe('Voté par Awa Diallo et Léo Martin')
  })
})
