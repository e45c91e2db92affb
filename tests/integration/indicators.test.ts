import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { indicatorsOn, INDICATOR_LIMITS, readIndicators } from '../../shared/indicators'
import { CLOSE, type CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { expectOk } from '../helpers/commands'
import { facilitatorOf, participantOf, serverDoc, type Person } from '../helpers/people'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** The observatory's indicators: imported by the facilitator through a command, shown to everyone as data cards. */

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/indicateurs-exemple.csv'), 'utf8')
const HEADER = 'thème;indicateur;valeur;unité;comparaison;libellé comparaison;source;année'

let t: TestServer
let workshop: CreateWorkshopResponse
let facilitator: Person
let awa: Person
let participation: string
let partenariats: string

const server = () => serverDoc(t, workshop.id)
const count = (doc: Y.Doc) => roots(doc).indicators.size
const names = (doc: Y.Doc, themeId: string | null) => indicatorsOn(doc, themeId).map((i) => i.indicator)

beforeAll(async () => {
  t = await startTestServer()
  workshop = await createWorkshop(t.url)
  facilitator = await facilitatorOf(t, workshop)
  awa = await participantOf(t, workshop, 'Awa')
  ;[participation = '', partenariats = ''] = readBoard(facilitator.doc).themes.map((theme) => theme.id)
})
afterAll(async () => {
  facilitator.destroy()
  awa.destroy()
  await t.cleanup()
})

describe('importing the observatory’s figures', () => {
  it('imports the example file for the facilitator, pins each row to its board, and every participant sees the data cards', async () => {
    const reply = await expectOk(facilitator.commands, {
      type: 'indicators.import',
      csv: EXAMPLE,
      mode: 'replace',
    })
    expect(reply).toMatchObject({ ok: true, data: { imported: 11, pinned: 11 } })
    await waitFor(() => count(awa.doc) === 11)
    expect(names(awa.doc, participation)).toHaveLength(5)
    expect(names(awa.doc, partenariats)[0]).toBe('Partenaires par centre')
    expect(indicatorsOn(awa.doc, partenariats)[0]).toMatchObject({
      theme: 'Partenariats',
      value: 12.5,
      unit: 'partenaires',
      comparison: 9.8,
      comparisonLabel: 'moyenne nationale',
      source: "Chiffres fictifs pour l'exemple",
      year: 2023,
      themeId: partenariats,
    })
    expect(readIndicators(awa.doc)).toEqual(readIndicators(server()))
  })

  it('refuses a bad file with a message naming the line, and imports none of its good rows', async () => {
    const before = readIndicators(server())
    const csv = [
      HEADER,
      'Partenariats;Bonne ligne;12;;;;;',
      'Partenariats;Mauvaise ligne;douze;;;;;',
      'Partenariats;Courte;1',
    ].join('\n')
    const reply = await facilitator.commands.send({ type: 'indicators.import', csv, mode: 'append' })
    expect(reply).toMatchObject({ ok: false, error: 'invalid_csv' })
    if (reply.ok) return
    expect(reply.message).toBe(
      'ligne 3 : la valeur « douze » n’est pas un nombre ; ligne 4 : 3 colonnes au lieu de 8',
    )
    expect(reply.details).toEqual({
      issues: [
        { line: 3, code: 'not_a_number', column: 'value', value: 'douze' },
        { line: 4, code: 'column_count', expected: 8, found: 3 },
      ],
    })
    expect(readIndicators(server())).toEqual(before)
    expect(
      await facilitator.commands.send({ type: 'indicators.import', csv: '', mode: 'replace' }),
    ).toMatchObject({
      ok: false,
      error: 'invalid_csv',
      message: 'le fichier est vide : il faut une ligne d’en-tête puis une ligne par indicateur',
    })
    expect(readIndicators(server())).toEqual(before)
  })

  it('refuses a file over the size limit, and a workshop over the indicator limit', async () => {
    const big = `${HEADER}\n${'Partenariats;x;1;;;;;\n'.repeat(Math.ceil(INDICATOR_LIMITS.fileBytes / 20))}`
    expect(
      await facilitator.commands.send({ type: 'indicators.import', csv: big, mode: 'append' }),
    ).toMatchObject({
      ok: false,
      error: 'too_large',
    })
    const rows = Array.from({ length: INDICATOR_LIMITS.rows }, (_, i) => `Finances;Indicateur ${i};${i}`)
    const full = ['thème;indicateur;valeur', ...rows].join('\n')
    expect(
      await facilitator.commands.send({ type: 'indicators.import', csv: full, mode: 'append' }),
    ).toMatchObject({
      ok: false,
      error: 'too_large',
      message: 'l’atelier compterait 511 indicateurs, 500 au plus',
    })
    expect(count(server())).toBe(11)
  })

  it('appends unpinned rows, pins, moves and unpins them, and removes one', async () => {
    const csv = ['thème;indicateur;valeur', 'Finances;Budget moyen;1 234,5'].join('\n')
    expect(
      await expectOk(facilitator.commands, { type: 'indicators.import', csv, mode: 'append' }),
    ).toMatchObject({
      data: { imported: 1, pinned: 0 },
    })
    await waitFor(() => names(awa.doc, null).length === 1)
    const [budget] = indicatorsOn(awa.doc, null)
    const id = budget?.id ?? ''
    await expectOk(facilitator.commands, {
      type: 'indicator.pin',
      indicatorId: id,
      themeId: partenariats,
      index: 0,
    })
    await waitFor(() => names(awa.doc, partenariats)[0] === 'Budget moyen')
    await expectOk(facilitator.commands, { type: 'indicator.pin', indicatorId: id, themeId: null })
    await waitFor(() => names(awa.doc, null).includes('Budget moyen'))
    expect(
      await facilitator.commands.send({ type: 'indicator.pin', indicatorId: id, themeId: 'absent' }),
    ).toMatchObject({
      ok: false,
      error: 'not_found',
    })
    await expectOk(facilitator.commands, { type: 'indicator.remove', indicatorId: id })
    await waitFor(() => count(awa.doc) === 11)
    expect(await facilitator.commands.send({ type: 'indicator.remove', indicatorId: id })).toMatchObject({
      ok: false,
      error: 'not_found',
    })
  })
})

describe('what participants may not do', () => {
  it('refuses a participant’s import, pin or removal as forbidden', async () => {
    const [first] = indicatorsOn(server(), partenariats)
    const id = first?.id ?? ''
    for (const command of [
      { type: 'indicators.import', csv: EXAMPLE, mode: 'replace' },
      { type: 'indicator.pin', indicatorId: id, themeId: null },
      { type: 'indicator.remove', indicatorId: id },
    ] as const) {
      expect(await awa.commands.send(command)).toMatchObject({ ok: false, error: 'forbidden' })
    }
    expect(indicatorsOn(server(), partenariats)[0]).toEqual(first)
    expect(count(server())).toBe(11)
  })

  it.each(['participant', 'facilitator'] as const)(
    'closes a %s writing the indicators straight into the document with 4409',
    async (role) => {
      const before = readIndicators(server())
      const intruder =
        role === 'participant'
          ? await participantOf(t, workshop, 'Mallory')
          : connectClient(t.url, workshop.id, workshop.facilitatorKey)
      await intruder.whenSynced
      const [target] = indicatorsOn(intruder.doc, participation)
      roots(intruder.doc).indicators.set(target?.id ?? 'x', { ...target, value: 99, themeId: partenariats })
      roots(intruder.doc).indicators.set('faux', {
        indicator: 'Chiffre inventé',
        value: 100,
        key: 'a0',
        themeId: participation,
      })
      await waitFor(() => expect(intruder.closeCodes).toContain(CLOSE.refused))
      intruder.destroy()
      expect(readIndicators(server())).toEqual(before)
      await waitFor(() => expect(readIndicators(awa.doc)).toEqual(before))
    },
  )
})
