import * as Y from 'yjs'
import { ROOTS, SCHEMA_VERSION, type CardPlace, type ControlState, type Phase, type RosterEntry, type WorkshopMeta } from './schema'

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

export function readControl(doc: Y.Doc): ControlState {
  const control = roots(doc).control
  const phase = control.get('phase')
  const locked = control.get('lockedThemes')
  return {
    phase: (typeof phase === 'string' ? phase : 'collecte') as Phase,
    lockedThemes: Array.isArray(locked) ? locked.filter((id): id is string => typeof id === 'string') : [],
  }
}
