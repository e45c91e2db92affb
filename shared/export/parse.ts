import { INDICATOR_LIMITS } from '../indicators/types'
import { LIMITS, PHASES, type Phase, type Role } from '../schema'
import { parseVoteSettings, type RoundStatus } from '../voting'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCard,
  type ExportIndicator,
  type ExportMeta,
  type ExportPerson,
  type ExportPerspective,
  type ExportRound,
  type ExportTheme,
  type WorkshopExport,
} from './model'

/**
 * Reads an exported workshop from untrusted JSON: every field checked against the format and the document's
 * limits, the first problem reported with where it is (`themes[0].perspectives[2].title`).
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string }

/** Thrown inside the parser, caught once at the top. */
class Invalid extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
  }
}

type Json = Record<string, unknown>

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Invalid(path, 'must be an object')
  return value as Json
}

function array(value: unknown, path: string, max = Number.POSITIVE_INFINITY): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(path, 'must be a list')
  if (value.length > max) throw new Invalid(path, `holds more than ${max} entries`)
  return value
}

function text(value: unknown, path: string, max: number, required = false): string {
  if (typeof value !== 'string') throw new Invalid(path, 'must be a text')
  if (value.length > max) throw new Invalid(path, `is longer than ${max} characters`)
  if (required && value.trim() === '') throw new Invalid(path, 'must not be empty')
  return value
}

function integer(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new Invalid(path, 'must be a whole number, 0 or more')
  return value as number
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Invalid(path, 'must be true or false')
  return value
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw new Invalid(path, `must be one of ${allowed.join(', ')}`)
  return value as T
}

const ID_MAX = 64

/** Ids must be unique within the file: cards, perspectives and themes are referred to by id. */
function idOf(value: unknown, path: string, seen: Set<string>): string {
  const id = text(value, path, ID_MAX, true)
  if (seen.has(id)) throw new Invalid(path, `repeats the id "${id}"`)
  seen.add(id)
  return id
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null || value === undefined ? null : read(value)
}

function counts(value: unknown, path: string): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const [key, dots] of Object.entries(object(value, path))) totals[key] = integer(dots, `${path}.${key}`)
  return totals
}

function idLists(value: unknown, path: string): Record<string, string[]> {
  const lists: Record<string, string[]> = {}
  for (const [key, ids] of Object.entries(object(value, path))) {
    lists[key] = array(ids, `${path}.${key}`).map((id, i) => text(id, `${path}.${key}[${i}]`, ID_MAX, true))
  }
  return lists
}

function meta(value: unknown): ExportMeta {
  const m = object(value, 'meta')
  return {
    title: text(m.title, 'meta.title', LIMITS.titleLength, true),
    date: text(m.date ?? '', 'meta.date', LIMITS.metaFieldLength),
    place: text(m.place ?? '', 'meta.place', LIMITS.metaFieldLength),
    organiser: text(m.organiser ?? '', 'meta.organiser', LIMITS.metaFieldLength),
    createdAt: integer(m.createdAt, 'meta.createdAt'),
    schemaVersion: integer(m.schemaVersion, 'meta.schemaVersion'),
  }
}

function card(value: unknown, path: string, ids: Set<string>): ExportCard {
  const c = object(value, path)
  return {
    id: idOf(c.id, `${path}.id`, ids),
    text: text(c.text, `${path}.text`, LIMITS.cardTextLength),
    example: bool(c.example ?? false, `${path}.example`),
    hidden: bool(c.hidden ?? false, `${path}.hidden`),
    author: text(c.author ?? '', `${path}.author`, ID_MAX),
  }
}

function cards(value: unknown, path: string, ids: Set<string>): ExportCard[] {
  return array(value ?? [], path).map((c, i) => card(c, `${path}[${i}]`, ids))
}

function perspective(value: unknown, path: string, ids: Set<string>): ExportPerspective {
  const p = object(value, path)
  return {
    id: idOf(p.id, `${path}.id`, ids),
    title: text(p.title, `${path}.title`, LIMITS.perspectiveTitleLength),
    description: text(p.description ?? '', `${path}.description`, LIMITS.descriptionLength),
    cards: cards(p.cards, `${path}.cards`, ids),
  }
}

function theme(value: unknown, path: string, ids: Set<string>): ExportTheme {
  const t = object(value, path)
  const parsed: ExportTheme = {
    id: idOf(t.id, `${path}.id`, ids),
    name: text(t.name, `${path}.name`, LIMITS.themeNameLength),
    questions: array(t.questions ?? [], `${path}.questions`, LIMITS.questionsPerTheme).map((q, i) =>
      text(q, `${path}.questions[${i}]`, LIMITS.questionLength),
    ),
    locked: bool(t.locked ?? false, `${path}.locked`),
    perspectives: array(t.perspectives ?? [], `${path}.perspectives`).map((p, i) =>
      perspective(p, `${path}.perspectives[${i}]`, ids),
    ),
    unsorted: cards(t.unsorted, `${path}.unsorted`, ids),
  }
  const cardCount = parsed.unsorted.length + parsed.perspectives.reduce((n, p) => n + p.cards.length, 0)
  if (cardCount > LIMITS.cardsPerBoard)
    throw new Invalid(path, `holds more than ${LIMITS.cardsPerBoard} cards`)
  return parsed
}

const ROUND_STATUSES: readonly RoundStatus[] = ['open', 'closed', 'revealed']

function round(value: unknown, path: string, ids: Set<string>): ExportRound {
  const r = object(value, path)
  const settings = parseVoteSettings(object(r.settings, `${path}.settings`))
  if (!settings) throw new Invalid(`${path}.settings`, 'are not valid vote settings')
  return {
    id: idOf(r.id, `${path}.id`, ids),
    number: integer(r.number, `${path}.number`),
    status: oneOf(r.status, ROUND_STATUSES, `${path}.status`),
    current: bool(r.current ?? false, `${path}.current`),
    settings,
    totals: nullable(r.totals, (v) => counts(v, `${path}.totals`)),
    votersByItem: nullable(r.votersByItem, (v) => idLists(v, `${path}.votersByItem`)),
    voters: nullable(r.voters, (v) => integer(v, `${path}.voters`)),
    eligible: nullable(r.eligible, (v) => integer(v, `${path}.eligible`)),
    closedAt: nullable(r.closedAt, (v) => integer(v, `${path}.closedAt`)),
  }
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(path, 'must be a number')
  return value
}

function indicator(
  value: unknown,
  path: string,
  ids: Set<string>,
  themeIds: ReadonlySet<string>,
): ExportIndicator {
  const r = object(value, path)
  const short = (v: unknown, field: string, required = false) =>
    text(v, `${path}.${field}`, INDICATOR_LIMITS.textLength, required)
  const themeId = nullable(r.themeId, (v) => text(v, `${path}.themeId`, ID_MAX, true))
  if (themeId !== null && !themeIds.has(themeId))
    throw new Invalid(`${path}.themeId`, `names no theme of this file ("${themeId}")`)
  return {
    id: idOf(r.id, `${path}.id`, ids),
    theme: short(r.theme ?? '', 'theme'),
    indicator: short(r.indicator, 'indicator', true),
    value: finite(r.value, `${path}.value`),
    unit: short(r.unit ?? '', 'unit'),
    comparison: nullable(r.comparison, (v) => finite(v, `${path}.comparison`)),
    comparisonLabel: short(r.comparisonLabel ?? '', 'comparisonLabel'),
    source: short(r.source ?? '', 'source'),
    year: nullable(r.year, (v) => integer(v, `${path}.year`)),
    themeId,
    order: integer(r.order ?? 0, `${path}.order`),
  }
}

const ROLES: readonly Role[] = ['facilitator', 'participant', 'projector']

function person(value: unknown, path: string, ids: Set<string>): ExportPerson {
  const p = object(value, path)
  return {
    id: idOf(p.id, `${path}.id`, ids),
    name: text(p.name, `${path}.name`, LIMITS.nameLength),
    centre: text(p.centre ?? '', `${path}.centre`, LIMITS.centreLength),
    role: oneOf(p.role, ROLES, `${path}.role`),
    joinedAt: integer(p.joinedAt, `${path}.joinedAt`),
    removed: bool(p.removed ?? false, `${path}.removed`),
  }
}

function workshop(value: unknown): WorkshopExport {
  const root = object(value, '')
  if (root.format !== EXPORT_FORMAT) throw new Invalid('format', `must be "${EXPORT_FORMAT}"`)
  if (root.version !== EXPORT_VERSION)
    throw new Invalid('version', `must be ${EXPORT_VERSION} (this file says ${String(root.version)})`)
  const control = object(root.control ?? { phase: 'collecte', rounds: [] }, 'control')
  const itemIds = new Set<string>()
  const roundIds = new Set<string>()
  const rounds = array(control.rounds ?? [], 'control.rounds').map((r, i) =>
    round(r, `control.rounds[${i}]`, roundIds),
  )
  if (rounds.filter((r) => r.current).length > 1)
    throw new Invalid('control.rounds', 'has more than one current round')
  const personIds = new Set<string>()
  const exportedAt = text(root.exportedAt ?? '', 'exportedAt', 64)
  const workshopMeta = meta(root.meta)
  const themes = array(root.themes, 'themes', LIMITS.themesPerWorkshop).map((t, i) =>
    theme(t, `themes[${i}]`, itemIds),
  )
  const themeIds = new Set(themes.map((t) => t.id))
  const indicatorIds = new Set<string>()
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    meta: workshopMeta,
    themes,
    control: {
      phase: oneOf(control.phase ?? 'collecte', PHASES as readonly Phase[], 'control.phase'),
      rounds,
    },
    roster: array(root.roster ?? [], 'roster').map((p, i) => person(p, `roster[${i}]`, personIds)),
    // Files written before indicators were exported have none.
    indicators: array(root.indicators ?? [], 'indicators', INDICATOR_LIMITS.rows).map((r, i) =>
      indicator(r, `indicators[${i}]`, indicatorIds, themeIds),
    ),
  }
}

/** Validates a parsed JSON value as an exported workshop (format version 1). */
export function parseWorkshopExport(value: unknown): ParseResult<WorkshopExport> {
  try {
    return { ok: true, value: workshop(value) }
  } catch (error) {
    if (error instanceof Invalid) {
      const where = error.path || 'the file'
      return { ok: false, error: `${where} ${error.message}`, path: error.path }
    }
    throw error
  }
}
