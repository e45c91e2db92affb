import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { localDatabaseName } from '../../client/sync/workshopSync'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { browserScene, joinThroughForm } from '../helpers/browserScene'
import { connectClient } from '../helpers/clients'

/**
 * The browser's own copy of the workshop (IndexedDB), read back from the page and decoded here: what the person
 * types is in it at once, what others type reaches it gathered into few writes, and closing the tab loses none.
 */

const scene = browserScene()

/** Every update the page's copy holds, read through a connection of its own. */
function readLocalCopy(page: Page, database: string): Promise<number[][]> {
  return page.evaluate(
    (name) =>
      new Promise<number[][]>((done, fail) => {
        const open = indexedDB.open(name)
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('updates', 'readonly').objectStore('updates').getAll()
          all.onerror = () => fail(all.error)
          all.onsuccess = () => {
            db.close()
            done((all.result as Uint8Array[]).map((update) => Array.from(update)))
          }
        }
      }),
    database,
  )
}

/** The texts of the cards in a copy's updates. */
function cardTexts(updates: number[][]): string[] {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update))
  return readBoard(doc).cards.map((card) => card.text)
}

describe('the copy of the workshop kept in the browser', () => {
  it('holds what this screen typed at once, and what others typed in a few writes, even if the tab closes', async () => {
    const { server } = scene
    const workshop = await createWorkshop(server.url, {
      title: 'Atelier SENACS',
      template: 'participation-partenariats',
    })
    const database = localDatabaseName(workshop.id)
    const page = await scene.newPage()
    const context = page.context()
    await joinThroughForm(page, server.url, {
      code: workshop.joinCode,
      name: 'Awa Diallo',
      centre: 'Centre social des Tilleuls',
    })

    // Awa's own typing: in the copy by the time the page can be asked (IndexedDB runs writes in order).
    await page.getByRole('button', { name: 'Ajouter une idée' }).click()
    await page
      .getByRole('textbox', { name: /Texte de l’(action|idée)/ })
      .last()
      .pressSequentially('Un café des parents', { delay: 10 })
    expect(cardTexts(await readLocalCopy(page, database))).toContain('Un café des parents')

    // Léo types 20 letters from another laptop: the page shows each, and stores them in one or two writes.
    const leo = await joinWorkshop(server.url, workshop, { name: 'Léo Martin', centre: 'Maison de quartier' })
    const client = scene.keep(connectClient(server.url, workshop.id, leo.token))
    await client.whenSynced
    const themeId = readBoard(client.doc).themes[0]!.id
    const cardId = addCard(client.doc, { themeId, perspectiveId: null, text: '', author: leo.participantId })!
    const ref: TextRef = { kind: 'card', id: cardId, field: 'text' }
    const fields = page.getByRole('textbox', { name: /Texte de l’(action|idée)/ })
    await expect.poll(() => fields.count(), { timeout: 10_000 }).toBe(2)
    // Léo's arrival and his card reach the copy first, so that what follows counts his typing alone.
    await expect
      .poll(async () => cardTexts(await readLocalCopy(page, database)).length, { timeout: 5000 })
      .toBe(2)
    const before = (await readLocalCopy(page, database)).length
    const typed = 'Jardin partagé du mardi'.slice(0, 20)
    for (const letter of typed) spliceText(client.doc, ref, resolveText(client.doc, ref)!.length, 0, letter)
    await expect.poll(() => fields.last().inputValue(), { timeout: 10_000 }).toBe(typed)
    expect((await readLocalCopy(page, database)).length - before).toBeLessThanOrEqual(2)
    await expect
      .poll(async () => cardTexts(await readLocalCopy(page, database)), { timeout: 5000 })
      .toContain(typed)

    // More from Léo, and Awa closes the tab as soon as she sees it: her copy has it anyway.
    spliceText(client.doc, ref, typed.length, 0, ' soir')
    await expect.poll(() => fields.last().inputValue(), { timeout: 10_000 }).toBe(`${typed} soir`)
    await page.close({ runBeforeUnload: true })
    const reader = await context.newPage()
    await reader.goto(`${server.url}/healthz`)
    expect(cardTexts(await readLocalCopy(reader, database))).toContain(`${typed} soir`)
  })
})
