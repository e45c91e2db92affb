import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import {
  addCard,
  addPerspective,
  importIndicators,
  initWorkshop,
  markParticipantRemoved,
  openRound,
  pinIndicator,
  putRosterEntry,
  revealRound,
  setCardHidden,
  setPhase,
  setThemeLock,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import type { IndicatorInput } from '../../shared/indicators'
import type { RosterEntry } from '../../shared/schema'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'

/** A finished workshop built with the domain operations, the same every run: what the export tests render. */

export const EXPORTED_AT = new Date('2025-01-16T17:30:00.000Z')
const FIXTURES = join(import.meta.dirname, 'fixtures')

export interface SampleWorkshop {
  doc: Y.Doc
  themes: { participation: string; partenariats: string }
  /** Ids by a readable name, for assertions. */
  ids: Record<string, string>
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} was not created`)
  return value
}

const person = (name: string, centre: string, joinedAt: number): RosterEntry => ({
  name,
  centre,
  role: 'participant',
  joinedAt,
})

/** A figure of the observatory (fictitious, as the source says), compared with the national one. */
const observed = (theme: string, indicator: string, value: number, unit: string): IndicatorInput => ({
  theme,
  indicator,
  value,
  unit,
  comparison: unit === '%' ? 38 : null,
  comparisonLabel: unit === '%' ? 'Moyenne nationale' : '',
  source: 'Observatoire SENACS (chiffres fictifs)',
  year: 2024,
})

/**
 * Two boards after a day's work: perspectives with action lines and examples, ideas left to sort, a hidden card,
 * an empty perspective nobody filled, a removed participant, two revealed vote rounds (the second on one board),
 * three indicators of the observatory: two pinned to the first board (one moved there from the board its theme
 * names, one moved ahead of it) and one pinned to no board.
 */
export function sampleWorkshop(): SampleWorkshop {
  const doc = new Y.Doc()
  initWorkshop(
    doc,
    {
      title: 'Participation et partenariats : regards croisés',
      date: '2025-01-16',
      place: 'Maison des associations, Angoulême',
      organiser: 'Fédération des centres sociaux de Charente',
      createdAt: 1_737_010_000_000,
    },
    'participation-partenariats',
  )
  const [first, second] = readBoard(doc).themes
  const participation = must(first, 'theme 1').id
  const partenariats = must(second, 'theme 2').id
  const ids: Record<string, string> = {}

  putRosterEntry(doc, 'facilitator-1', {
    name: 'Claire',
    centre: '',
    role: 'facilitator',
    joinedAt: 1_737_010_000_000,
  })
  putRosterEntry(doc, 'p-awa', person('Awa', 'Centre social des Tilleuls', 1_737_010_100_000))
  putRosterEntry(doc, 'p-marc', person('Marc', 'Espace de vie sociale du Bourg', 1_737_010_200_000))
  putRosterEntry(doc, 'p-lea', person('Léa', 'centre social des tilleuls', 1_737_010_300_000))
  putRosterEntry(doc, 'p-yann', person('Yann', 'Centre social La Ronde', 1_737_010_400_000))
  putRosterEntry(doc, 'p-gone', person('Doublon', 'Centre fantôme', 1_737_010_500_000))
  markParticipantRemoved(doc, 'p-gone')

  const perspective = (name: string, themeId: string, title: string, description = '') =>
    (ids[name] = must(addPerspective(doc, { themeId, title, description }), name))
  const card = (name: string, themeId: string, perspectiveId: string | null, text: string, example = false) =>
    (ids[name] = must(addCard(doc, { themeId, perspectiveId, text, author: 'p-awa', example }), name))

  const accompany = perspective('accompany', participation, 'Accompagner les initiatives des habitants')
  card('welcome', participation, accompany, 'Ouvrir des espaces d’accueil où l’on peut passer sans raison')
  card('time', participation, accompany, 'Dire aux financeurs le temps que demande cet accompagnement')
  card('garden', participation, accompany, 'Le jardin partagé monté par des parents du quartier', true)
  const train = perspective(
    'train',
    participation,
    'Se former ensemble',
    'Pour les équipes salariées et bénévoles.',
  )
  card(
    'sessions',
    participation,
    train,
    'Des temps de formation communs entre centres\nau moins deux fois par an',
  )
  card('hiddenCard', participation, train, 'Texte masqué par l’animation')
  setCardHidden(doc, must(ids.hiddenCard, 'hidden card'), true)
  perspective('blank', participation, '')
  card('loose', participation, null, 'Un comité d’usagers pour la programmation')

  const equals = perspective('equals', partenariats, 'Parler d’égal à égal avec les financeurs')
  card('together', partenariats, equals, 'Porter des projets à plusieurs structures')
  const years = perspective('years', partenariats, 'Des conventions sur plusieurs années')
  card('charter', partenariats, years, 'La charte signée avec la ville en 2023', true)

  const first_ = openRound(doc, DEFAULT_VOTE_SETTINGS, 1_737_040_000_000)
  revealRound(doc, {
    roundId: first_.id,
    totals: { [accompany]: 5, [train]: 3, [equals]: 4, [years]: 1 },
  })
  const second_ = openRound(
    doc,
    { ...DEFAULT_VOTE_SETTINGS, targets: 'both', scope: { kind: 'theme', themeId: partenariats } },
    1_737_041_000_000,
  )
  revealRound(doc, { roundId: second_.id, totals: { [equals]: 2, [must(ids.together, 'card')]: 3 } })
  setThemeLock(doc, partenariats, true)
  const [volunteers, members, budget] = must(
    importIndicators(
      doc,
      [
        observed('Partenariats', 'Bénévoles formés dans l’année', 120, ''),
        observed('Participation des habitants', 'Habitants membres du conseil d’administration', 45, '%'),
        observed('Participation des habitants', 'Budget participatif voté par les habitants', 12.5, 'k€'),
      ],
      'append',
    ),
    'indicators',
  ).ids
  ids.volunteers = must(volunteers, 'indicator 1')
  ids.members = must(members, 'indicator 2')
  ids.budget = must(budget, 'indicator 3')
  pinIndicator(doc, ids.volunteers, participation)
  pinIndicator(doc, ids.members, participation, 0)
  pinIndicator(doc, ids.budget, null)
  setPhase(doc, 'resultats')
  return { doc, themes: { participation, partenariats }, ids }
}

/**
 * The expected text of a golden file. LOUPE_UPDATE_FIXTURES=1 rewrites it from `actual` (then review the diff).
 */
export function golden(name: string, actual: string): string {
  const path = join(FIXTURES, name)
  if (process.env.LOUPE_UPDATE_FIXTURES === '1') writeFileSync(path, actual)
  return readFileSync(path, 'utf8')
}
