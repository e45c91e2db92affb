import { launchBrowser } from '../../tests/helpers/browser'
import { addCard } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { connect } from './client'
import { startServer } from './servers'
const server = await startServer('loupe')
const w = await (await fetch(server.httpUrl + '/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', template: 'participation-partenariats' }) })).json() as any
const f = await connect(server.wsUrl, w.id, { token: w.facilitatorKey }, { id: 'f', name: 'A', centre: '' })
const themeId = readBoard(f.doc).themes[0]!.id
const N = Number(process.env.N ?? 500)
f.doc.transact(() => { for (let i = 0; i < N; i++) addCard(f.doc, { themeId, perspectiveId: null, text: `Idée ${i}`, author: 'f' }) })
await new Promise((r) => setTimeout(r, 500))
const browser = await launchBrowser()
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
const page = await context.newPage()
await page.goto(`${server.httpUrl}/rejoindre/${w.joinCode}`); if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS })
await page.getByLabel('Votre prénom (et nom si vous le souhaitez)').fill('Awa')
await page.getByLabel('Votre centre social ou structure').fill('Centre')
const t0 = performance.now()
const at = (what: string) => console.log((performance.now() - t0).toFixed(0).padStart(6), what)
page.on('request', (r) => at('req ' + r.url().slice(-40)))
page.on('websocket', (ws) => { at('ws open'); let n = 0; ws.on('framereceived', (fr) => { n++; if (n <= 4) at('frame in ' + (typeof fr.payload === 'string' ? fr.payload.length : fr.payload.byteLength)) }); ws.on('framesent', (fr) => { at('frame out ' + (typeof fr.payload === 'string' ? fr.payload.length : fr.payload.byteLength)) }) })
await page.getByRole('button', { name: 'Entrer dans l’atelier' }).click()
at('clicked')
await page.getByRole('button', { name: 'Ajouter une idée' }).first().waitFor()
at('add button')
if (N > 0) await page.locator('[data-card-id] textarea').nth(N - 1).waitFor()
at('last card')
f.destroy(); await browser.close(); await server.stop(); process.exit(0)
