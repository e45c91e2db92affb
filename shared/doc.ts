import * as Y from 'yjs'
import { parseFollowTarget } from './commands'
import { parseIdList, parsePastRounds, parseResults, parseRound, withRoundCounts } from './control'
import type { BoardAccess } from './rules'
import {
  PHASES,
  ROOTS,
  SCHEMA_VERSION,
  type CardPlace,
  type ControlState,
  type Phase,
  type RosterEntry,
  type RoundState,
  type WorkshopMeta,
} from './schema'
import { IDLE_TIMER, isTimerState } from './timer'

/** Typed access to the document's roots and records; every read and write of the schema goes through here. */

export type ThemeMap = Y.Map<unknown>
export type PerspectiveMap = Y.Map<unknown>
export type CardMap = Y.Map<unknown>

export const roots = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>(ROOTS.meta),
  control: doc.getMap<unknown>(ROOTS.control),
  roster: doc.getMap<RosterEntry>(ROOTS.roster),
  themes: doc.getMap<ThemeMap>(ROOTS.themes),
  perspectives: doc.getMap<PerspectiveMap>(ROOTS.perspectives),
  cards: doc.getMap<CardMap>(ROOTS.cards),
  indicators: doc.getMap<unknown>(ROOTS.indicators),
})

export function textField(map: Y.Map<unknown>, field: string): Y.Text | null {
  const value = map.get(field)
  return value instanceof Y.Text ? value : null
}

export function stringField(map: Y.Map<unknown>, field: string, fallback = ''): string {
  const value = map.get(field)
  return typeof value === 'string' ? value : fallback
}

export function numberField(map: Y.Map<unknown>, field: string, fallback = 0): number {
  const value = map.get(field)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function isCardPlace(value: unknown): value is CardPlace {
  if (typeof value !== 'object' || value === null) return false
  const place = value as Record<string, unknown>
  return (
    typeof place.themeId === 'string' &&
    (place.perspectiveId === null || typeof place.perspectiveId === 'string') &&
    typeof place.key === 'string'
  )
}

export function readMeta(doc: Y.Doc): WorkshopMeta {
  const meta = roots(doc).meta
  return {
    schemaVersion: numberField(meta, 'schemaVersion', SCHEMA_VERSION),
    title: stringField(meta, 'title'),
    date: stringField(meta, 'date'),
    place: stringField(meta, 'place'),
    organiser: stringField(meta, 'organiser'),
    createdAt: numberField(meta, 'createdAt'),
  }
}

/** The control state of a workshop nobody has steered yet (what a client shows before its first sync). */
export function initialControl(): ControlState {
  return {
    phase: 'collecte',
    lockedThemes: [],
    timer: IDLE_TIMER,
    follow: { kind: 'overview' },
    hiddenCards: [],
    round: null,
    results: null,
    rounds: [],
  }
}

/** The whole control state, validated: a missing or malformed part reads as its starting value. */
export function readControl(doc: Y.Doc): ControlState {
  const control = roots(doc).control
  const timer = control.get('timer')
  return {
    ...readBoardAccess(doc),
    timer: isTimerState(timer) ? timer : IDLE_TIMER,
    follow: parseFollowTarget(control.get('follow')) ?? { kind: 'overview' },
    hiddenCards: parseIdList(control.get('hiddenCards')),
    round: readRound(doc),
    results: parseResults(control.get('results')),
    rounds: parsePastRounds(control.get('rounds')),
  }
}

/** Just the current round with its counts: what every vote needs, without the results and past rounds. */
export function readRound(doc: Y.Doc): RoundState | null {
  const control = roots(doc).control
  return withRoundCounts(parseRound(control.get('round')), control.get('roundCounts'))
}

/** Just what decides who may edit which board: cheap enough for the referee to read on every update. */
export function readBoardAccess(doc: Y.Doc): BoardAccess {
  const control = roots(doc).control
  const phase = control.get('phase')
  return {
    phase: PHASES.includes(phase as Phase) ? (phase as Phase) : 'collecte',
    lockedThemes: parseIdList(control.get('lockedThemes')),
  }
}
