import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readControl, roots } from '../../shared/doc'
import {
  buildWorkshopExport,
  importWorkshopJson,
  type ExportRound,
  type WorkshopExport,
} from '../../shared/export'
import { indicatorsOn } from '../../shared/indicators'
import { readBoard } from '../../shared/read'
import { EXPORTED_AT, sampleWorkshop } from './exportFixture'

/** JSON export -> import -> export, and what an import refuses. */

const IMPORTED_AT = Date.parse('2025-02-01T09:00:00.000Z')

function reimport(json: unknown): { doc: Y.Doc; exported: WorkshopExport; notes: string[] } {
  const result = importWorkshopJson(json, { now: IMPORTED_AT })
  if (!result.ok) throw new Error(`import refused: ${result.error}`)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, result.value.update)
  return { doc, exported: buildWorkshopExport(doc, EXPORTED_AT), notes: result.value.notes }
}

/** Every id replaced by its order of first appearance, wherever it is used (authors, totals, scopes). */
function withoutIds(workshop: WorkshopExport): unknown {
  const ids: string[] = []
  const note = (id: string) => ids.includes(id) || ids.push(id)
  for (const theme of workshop.themes) {
    note(theme.id)
    for (const p of theme.perspectives) [p.id, ...p.cards.map((c) => c.id)].forEach(note)
    theme.unsorted.forEach((c) => note(c.id))
  }
  workshop.roster.forEach((person) => note(person.id))
  workshop.control.rounds.forEach((round) => note(round.id))
  workshop.indicators.forEach((indicator) => note(indicator.id))
  let text = JSON.stringify(workshop)
  ids.forEach((id, index) => (text = text.replaceAll(`"${id}"`, `"#${index}"`)))
  return JSON.parse(text)
}

/** What an import does to a round on purpose: every round becomes a past one, keeping its totals. */
const asPast = (round: ExportRound): ExportRound =>
  round.current
    ? { ...round, current: false, voters: null, eligible: null, votersByItem: null, closedAt: IMPORTED_AT }
    : round

describe('JSON round trip', () => {
  const original = buildWorkshopExport(sampleWorkshop().doc, EXPORTED_AT)
  const json = JSON.parse(JSON.stringify(original)) as unknown

  it('loses nothing: the same workshop up to ids, with the current round kept as a past one', () => {
    const { exported } = reimport(json)
    const expected = {
      ...original,
      control: { ...original.control, rounds: original.control.rounds.map(asPast) },
    }
    expect(withoutIds(exported)).toEqual(withoutIds(expected))
  })

  it('is stable: exporting an imported workshop and importing it again changes nothing but ids', () => {
    const once = reimport(json).exported
    const twice = reimport(JSON.parse(JSON.stringify(once))).exported
    expect(withoutIds(twice)).toEqual(withoutIds(once))
  })

  it('builds a document the board reads like the original, with no current round', () => {
    const { doc } = reimport(json)
    const board = readBoard(doc)
    expect(board.themes.map((t) => t.name)).toEqual(['Participation des habitants', 'Partenariats'])
    expect(board.perspectives.map((p) => p.title)).toContain('Se former ensemble')
    const control = readControl(doc)
    expect(control.phase).toBe('resultats')
    expect(control.round).toBeNull()
    expect(control.results).toBeNull()
    expect(control.rounds.map((r) => r.totals === null)).toEqual([false, false])
    expect(control.hiddenCards).toHaveLength(1)
    expect(control.lockedThemes).toHaveLength(1)
    expect(roots(doc).roster.get('facilitator-1')?.name).toBe('Claire')
  })

  it('keeps the data cards on their boards, in their order, with every figure, and the unpinned one unpinned', () => {
    const { doc } = reimport(json)
    const [participation, partenariats] = readBoard(doc).themes.map((t) => t.id)
    const shown = (themeId: string | null) =>
      indicatorsOn(doc, themeId).map(({ id: _id, key: _key, themeId: _themeId, ...figure }) => figure)
    const source = 'Observatoire SENACS (chiffres fictifs)'
    expect(shown(participation ?? '')).toEqual([
      {
        theme: 'Participation des habitants',
        indicator: 'Habitants membres du conseil d’administration',
        value: 45,
        unit: '%',
        comparison: 38,
        comparisonLabel: 'Moyenne nationale',
        source,
        year: 2024,
      },
      {
        theme: 'Partenariats',
        indicator: 'Bénévoles formés dans l’année',
        value: 120,
        unit: '',
        comparison: null,
        comparisonLabel: '',
        source,
        year: 2024,
      },
    ])
    expect(shown(partenariats ?? '')).toEqual([])
    expect(shown(null).map((figure) => figure.indicator)).toEqual([
      'Budget participatif voté par les habitants',
    ])
  })

  it('imports a file written before indicators were exported', () => {
    const { indicators: _indicators, ...older } = original
    const { exported } = reimport(JSON.parse(JSON.stringify(older)))
    expect(exported.indicators).toEqual([])
    expect(exported.themes.map((t) => t.name)).toEqual(original.themes.map((t) => t.name))
  })

  it('says what it changed', () => {
    expect(reimport(json).notes).toEqual([
      'Vote round 2 was under way; it is now a past round, so a new vote can start cleanly.',
    ])
  })
})

describe('import of a minimal file', () => {
  const minimal = {
    format: 'loupe-workshop',
    version: 1,
    meta: { title: 'Atelier importé', organiser: 'Fédération', createdAt: 5, schemaVersion: 1 },
    themes: [
      {
        id: 't',
        name: 'Thème',
        perspectives: [{ id: 'p', title: 'Une piste', cards: [{ id: 'c', text: 'Une idée' }] }],
      },
    ],
  }

  it('fills what is optional and names a facilitator after the organiser', () => {
    const result = importWorkshopJson(minimal, { now: IMPORTED_AT })
    if (!result.ok) throw new Error(result.error)
    expect(result.value.facilitator).toEqual({
      id: 'facilitator-1',
      name: 'Fédération',
      joinedAt: IMPORTED_AT,
    })
    const { exported } = reimport(minimal)
    expect(exported.themes[0]?.perspectives[0]?.cards[0]).toMatchObject({
      text: 'Une idée',
      example: false,
      hidden: false,
    })
    expect(exported.roster).toEqual([
      {
        id: 'facilitator-1',
        name: 'Fédération',
        centre: '',
        role: 'facilitator',
        joinedAt: IMPORTED_AT,
        removed: false,
      },
    ])
  })
})

/** Sets one value deep inside a parsed file, whatever its type: to spoil a valid file in one precise place. */
function put(file: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  let target = file as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>
  target[path.at(-1) ?? ''] = value
  return file
}

describe('import validation', () => {
  const valid = (): unknown =>
    JSON.parse(JSON.stringify(buildWorkshopExport(sampleWorkshop().doc, EXPORTED_AT)))
  const firstThemeId = (file: unknown) => (file as WorkshopExport).themes[0]?.id

  const refusals: Array<[string, (file: unknown) => unknown, string, RegExp]> = [
    ['a list', () => [], '', /must be an object/],
    ['another format', (f) => put(f, ['format'], 'trello'), 'format', /loupe-workshop/],
    ['a newer version', (f) => put(f, ['version'], 2), 'version', /must be 1/],
    ['no title', (f) => put(f, ['meta', 'title'], '  '), 'meta.title', /must not be empty/],
    [
      'a card too long',
      (f) => put(f, ['themes', 0, 'perspectives', 0, 'cards', 0, 'text'], 'x'.repeat(1001)),
      'themes[0].perspectives[0].cards[0].text',
      /longer than 1000/,
    ],
    [
      'a card text that is not text',
      (f) => put(f, ['themes', 1, 'unsorted'], [{ id: 'u', text: 42 }]),
      'themes[1].unsorted[0].text',
      /must be a text/,
    ],
    ['a repeated id', (f) => put(f, ['themes', 1, 'id'], firstThemeId(f)), 'themes[1].id', /repeats the id/],
    [
      'too many themes',
      (f) =>
        put(
          f,
          ['themes'],
          Array.from({ length: 13 }, (_, i) => ({ id: `t${i}`, name: 'T' })),
        ),
      'themes',
      /more than 12/,
    ],
    [
      'a board too full',
      (f) =>
        put(
          f,
          ['themes', 0, 'unsorted'],
          Array.from({ length: 501 }, (_, i) => ({ id: `c${i}`, text: 'x' })),
        ),
      'themes[0]',
      /more than 500 cards/,
    ],
    [
      'bad vote settings',
      (f) => put(f, ['control', 'rounds', 0, 'settings', 'budget'], 0),
      'control.rounds[0].settings',
      /not valid vote settings/,
    ],
    [
      'two current rounds',
      (f) => put(f, ['control', 'rounds', 0, 'current'], true),
      'control.rounds',
      /more than one current/,
    ],
    ['an unknown phase', (f) => put(f, ['control', 'phase'], 'pause'), 'control.phase', /must be one of/],
    ['an unknown role', (f) => put(f, ['roster', 0, 'role'], 'admin'), 'roster[0].role', /must be one of/],
    ['a negative time', (f) => put(f, ['roster', 0, 'joinedAt'], -1), 'roster[0].joinedAt', /whole number/],
    [
      'an indicator without a figure',
      (f) => put(f, ['indicators', 1, 'value'], '45 %'),
      'indicators[1].value',
      /must be a number/,
    ],
    [
      'an indicator pinned to a board the file lacks',
      (f) => put(f, ['indicators', 0, 'themeId'], 'nowhere'),
      'indicators[0].themeId',
      /names no theme/,
    ],
    [
      'an indicator without its name',
      (f) => put(f, ['indicators', 2, 'indicator'], ' '),
      'indicators[2].indicator',
      /must not be empty/,
    ],
    ['indicators that are not a list', (f) => put(f, ['indicators'], {}), 'indicators', /must be a list/],
  ]

  for (const [what, spoil, path, message] of refusals) {
    it(`refuses ${what}, saying where`, () => {
      const result = importWorkshopJson(spoil(valid()))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.path).toBe(path)
      expect(result.error).toMatch(message)
    })
  }
})
