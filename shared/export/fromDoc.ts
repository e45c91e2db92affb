import type * as Y from 'yjs'
import { readControl, readMeta, roots } from '../doc'
import { effectivePerspectiveId, readBoard } from '../read'
import { readIndicators } from '../indicators/record'
import type { CardRecord, ControlState, PerspectiveRecord } from '../schema'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCard,
  type ExportIndicator,
  type ExportPerson,
  type ExportRound,
  type WorkshopExport,
} from './model'

/**
 * Reads a workshop document into its export model, boards in their on-screen order: each card where the board
 * shows it (a card whose perspective was deleted meanwhile counts among the ideas to sort).
 */
export function buildWorkshopExport(doc: Y.Doc, exportedAt: Date): WorkshopExport {
  const meta = readMeta(doc)
  const board = readBoard(doc)
  const control = readControl(doc)
  const hidden = new Set(control.hiddenCards)
  const locked = new Set(control.lockedThemes)
  const perspectives = new Map(board.perspectives.map((p) => [p.id, p]))
  const cardsAt = groupCards(board.cards, perspectives)
  const toCard = (card: CardRecord): ExportCard => ({
    id: card.id,
    text: card.text,
    example: card.example,
    hidden: hidden.has(card.id),
    author: card.author,
  })

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    meta: {
      title: meta.title,
      date: meta.date,
      place: meta.place,
      organiser: meta.organiser,
      createdAt: meta.createdAt,
      schemaVersion: meta.schemaVersion,
    },
    themes: board.themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      questions: theme.questions,
      locked: locked.has(theme.id),
      perspectives: board.perspectives
        .filter((p) => p.themeId === theme.id)
        .map((p) => ({
          id: p.id,
          title: p.title,
          description: p.description,
          cards: (cardsAt.get(placeKey(theme.id, p.id)) ?? []).map(toCard),
        })),
      unsorted: (cardsAt.get(placeKey(theme.id, null)) ?? []).map(toCard),
    })),
    control: { phase: control.phase, rounds: exportRounds(control) },
    roster: readRoster(doc),
    indicators: exportIndicators(
      doc,
      board.themes.map((theme) => theme.id),
    ),
  }
}

/** Each board's data cards in board order, then the unpinned ones; pinned to a board that is gone counts as unpinned. */
function exportIndicators(doc: Y.Doc, themeIds: readonly string[]): ExportIndicator[] {
  const records = readIndicators(doc)
  const boards = new Set(themeIds)
  const boardOf = (themeId: string | null) => (themeId !== null && boards.has(themeId) ? themeId : null)
  return [...themeIds, null].flatMap((themeId) =>
    records
      .filter((record) => boardOf(record.themeId) === themeId)
      .map(({ key: _key, ...record }, order) => ({ ...record, themeId, order })),
  )
}

const placeKey = (themeId: string, perspectiveId: string | null) => `${themeId}/${perspectiveId ?? ''}`

/** Cards by where they show, each group in board order (readBoard sorts them by key). */
function groupCards(cards: readonly CardRecord[], perspectives: ReadonlyMap<string, PerspectiveRecord>) {
  const groups = new Map<string, CardRecord[]>()
  for (const card of cards) {
    const key = placeKey(card.place.themeId, effectivePerspectiveId(card, perspectives))
    const group = groups.get(key)
    if (group) group.push(card)
    else groups.set(key, [card])
  }
  return groups
}

/** Past rounds, then the current one, as one list. */
function exportRounds(control: ControlState): ExportRound[] {
  const rounds: ExportRound[] = control.rounds.map((past) => ({
    id: past.id,
    number: past.number,
    status: past.totals ? 'revealed' : 'closed',
    current: false,
    settings: past.settings,
    totals: past.totals,
    votersByItem: null,
    voters: null,
    eligible: null,
    closedAt: past.closedAt,
  }))
  const round = control.round
  if (round) {
    const results =
      round.status === 'revealed' && control.results?.roundId === round.id ? control.results : null
    rounds.push({
      id: round.id,
      number: round.number,
      status: round.status,
      current: true,
      settings: round.settings,
      totals: results ? results.totals : null,
      votersByItem: results?.voters ?? null,
      voters: round.voters,
      eligible: round.eligible,
      closedAt: null,
    })
  }
  return rounds
}

/** Everyone who joined, in the order they came. */
function readRoster(doc: Y.Doc): ExportPerson[] {
  return [...roots(doc).roster.entries()]
    .map(([id, entry]) => ({
      id,
      name: entry.name,
      centre: entry.centre,
      role: entry.role,
      joinedAt: entry.joinedAt,
      removed: entry.removed === true,
    }))
    .sort((a, b) => a.joinedAt - b.joinedAt || compareText(a.name, b.name) || compareText(a.id, b.id))
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
