import * as Y from 'yjs'
import { roots } from '../doc'
import { newId } from '../ids'
import {
  addCard,
  addPerspective,
  addTheme,
  deleteTheme,
  initWorkshop,
  putRosterEntry,
  setCardHidden,
  setPhase,
  setThemeLock,
} from '../ops'
import { setPastRounds } from '../ops/archive'
import { importIndicators, pinIndicator } from '../ops/indicators'
import type { PastRound, RosterEntry } from '../schema'
import type { VoteSettings } from '../voting'
import type { ExportCard, ExportIndicator, ExportRound, WorkshopExport } from './model'
import { parseWorkshopExport, type ParseResult } from './parse'

/** What importing an exported workshop produces: a fresh document, and who will steer it. */
export interface ImportedWorkshop {
  /** The whole new document as one Yjs update. */
  update: Uint8Array
  title: string
  createdAt: number
  /** The roster entry that becomes the new workshop's facilitator (the server issues its key). */
  facilitator: { id: string; name: string; joinedAt: number }
  /** What could not be carried over as it was, in plain words. */
  notes: string[]
}

export interface ImportOptions {
  /** The roster id the server gives the facilitator whose key it issues. */
  facilitatorId?: string
  /** The facilitator's name when the file lists none. */
  facilitatorName?: string
  now?: number
}

/**
 * Validates an exported workshop (format version 1) and builds a new document from it with the domain operations:
 * new ids, same order, texts, examples, placement, guiding questions, locks, hidden cards, indicators, phase and
 * roster. Vote rounds become past rounds with their totals, so that a new vote starts cleanly.
 */
export function importWorkshopJson(
  json: unknown,
  options: ImportOptions = {},
): ParseResult<ImportedWorkshop> {
  const parsed = parseWorkshopExport(json)
  if (!parsed.ok) return parsed
  const workshop = parsed.value
  const now = options.now ?? Date.now()
  const notes: string[] = []
  const roster = newRoster(workshop, options, now)
  const doc = new Y.Doc()
  doc.transact(() => {
    writeMeta(doc, workshop)
    const itemIds = writeBoards(doc, workshop, roster.ids)
    for (const [id, person] of roster.entries) putRosterEntry(doc, id, person)
    writeIndicators(doc, workshop.indicators, itemIds)
    setPastRounds(doc, pastRounds(workshop.control.rounds, itemIds, now, notes))
    setPhase(doc, workshop.control.phase)
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  const title = workshop.meta.title.trim()
  return { ok: true, value: { update, title, createdAt: now, facilitator: roster.facilitator, notes } }
}

function writeMeta(doc: Y.Doc, workshop: WorkshopExport): void {
  const { title, date, place, organiser, createdAt } = workshop.meta
  // initWorkshop always lays out a template: the empty one's single board goes, the file's boards come instead.
  initWorkshop(doc, { title: title.trim(), date, place, organiser, createdAt }, 'vide')
  for (const themeId of [...roots(doc).themes.keys()]) deleteTheme(doc, themeId)
}

/** Adds every board in order; returns old id -> new id for themes, perspectives and cards. */
function writeBoards(
  doc: Y.Doc,
  workshop: WorkshopExport,
  people: ReadonlyMap<string, string>,
): Map<string, string> {
  const ids = new Map<string, string>()
  for (const theme of workshop.themes) {
    const themeId = addTheme(doc, { name: theme.name, questions: theme.questions })
    ids.set(theme.id, themeId)
    const addCards = (perspectiveId: string | null, cards: readonly ExportCard[]) => {
      for (const card of cards) {
        const author = people.get(card.author) ?? card.author
        const cardId = addCard(doc, {
          themeId,
          perspectiveId,
          text: card.text,
          author,
          example: card.example,
        })
        // The parser already held each board to the card limit and each text to its length.
        if (cardId === null) throw new Error(`card ${card.id} could not be added`)
        ids.set(card.id, cardId)
        if (card.hidden) setCardHidden(doc, cardId, true)
      }
    }
    for (const p of theme.perspectives) {
      const perspectiveId = addPerspective(doc, { themeId, title: p.title, description: p.description })
      if (perspectiveId === null) throw new Error(`perspective ${p.id} could not be added`)
      ids.set(p.id, perspectiveId)
      addCards(perspectiveId, p.cards)
    }
    addCards(null, theme.unsorted)
    if (theme.locked) setThemeLock(doc, themeId, true)
  }
  return ids
}

/** Adds the indicators, then pins each to the board its exported one was on, in the exported order. */
function writeIndicators(
  doc: Y.Doc,
  indicators: readonly ExportIndicator[],
  themeIds: ReadonlyMap<string, string>,
): void {
  const rows = indicators.map(({ id: _id, themeId: _themeId, order: _order, ...row }) => row)
  // The parser already held the file to the indicator limit.
  const added = importIndicators(doc, rows, 'append')
  if (!added) throw new Error('the indicators could not be added')
  // importIndicators pins by board name; re-pinning each one last, in order, gives every board the file's order.
  const placed = indicators
    .map((indicator, i) => ({ indicator, id: added.ids[i] }))
    .sort((a, b) => a.indicator.order - b.indicator.order)
  for (const { indicator, id } of placed) {
    const themeId = indicator.themeId === null ? null : (themeIds.get(indicator.themeId) ?? null)
    if (id !== undefined) pinIndicator(doc, id, themeId)
  }
}

interface NewRoster {
  /** Old roster id -> new one. */
  ids: Map<string, string>
  entries: Array<[string, RosterEntry]>
  facilitator: ImportedWorkshop['facilitator']
}

/**
 * The roster under new ids. The first facilitator listed (or a new one, when the file lists none) takes the id of
 * the facilitator whose key the server will issue; everyone else stays in the roster without any credential.
 */
function newRoster(workshop: WorkshopExport, options: ImportOptions, now: number): NewRoster {
  const facilitatorId = options.facilitatorId ?? 'facilitator-1'
  const steering = workshop.roster.find((p) => p.role === 'facilitator' && !p.removed)
  const ids = new Map<string, string>()
  const entries: Array<[string, RosterEntry]> = []
  if (!steering) {
    const name = workshop.meta.organiser.trim() || (options.facilitatorName ?? 'Animation')
    entries.push([facilitatorId, { name, centre: '', role: 'facilitator', joinedAt: now }])
  }
  for (const person of workshop.roster) {
    const id =
      person === steering ? facilitatorId : person.role === 'facilitator' ? `facilitator-${newId()}` : newId()
    ids.set(person.id, id)
    const { name, centre, role, joinedAt } = person
    entries.push([
      id,
      person.removed ? { name, centre, role, joinedAt, removed: true } : { name, centre, role, joinedAt },
    ])
  }
  const [, entry] = entries.find(([id]) => id === facilitatorId) ?? []
  if (!entry) throw new Error('the imported roster has no facilitator')
  return { ids, entries, facilitator: { id: facilitatorId, name: entry.name, joinedAt: entry.joinedAt } }
}

/** Every round as a past round under the new ids; a current round, named voters and unrevealed dots are noted. */
function pastRounds(
  rounds: readonly ExportRound[],
  itemIds: ReadonlyMap<string, string>,
  now: number,
  notes: string[],
): PastRound[] {
  const remap = (id: string) => itemIds.get(id) ?? id
  return [...rounds]
    .sort((a, b) => a.number - b.number)
    .map((round) => {
      if (round.current) {
        notes.push(
          `Vote round ${round.number} was under way; it is now a past round, so a new vote can start cleanly.`,
        )
      }
      if (round.votersByItem)
        notes.push(`Vote round ${round.number} was named; past rounds keep only the totals.`)
      if (!round.totals)
        notes.push(`Vote round ${round.number} was never revealed; its dots stay where they were cast.`)
      const scope = round.settings.scope
      const settings: VoteSettings = {
        ...round.settings,
        scope: scope.kind === 'theme' ? { kind: 'theme', themeId: remap(scope.themeId) } : scope,
      }
      const totals = round.totals
        ? Object.fromEntries(Object.entries(round.totals).map(([id, dots]) => [remap(id), dots]))
        : null
      return { id: newId(), number: round.number, settings, totals, closedAt: round.closedAt ?? now }
    })
}
