import type * as Y from 'yjs'
import type { FollowTarget } from '../commands'
import { readBoardAccess, roots } from '../doc'
import { PHASES, SCHEMA_VERSION, type Phase, type RosterEntry, type WorkshopMeta } from '../schema'
import { TEMPLATES, type TemplateId } from '../templates'
import { IDLE_TIMER } from '../timer'
import { addTheme } from './themes'

/** Server-side: writes a new workshop's metadata, control state and the template's themes, in one transaction. */
export function initWorkshop(
  doc: Y.Doc,
  meta: Omit<WorkshopMeta, 'schemaVersion'>,
  template: TemplateId,
): void {
  doc.transact(() => {
    const r = roots(doc)
    r.meta.set('schemaVersion', SCHEMA_VERSION)
    r.meta.set('title', meta.title)
    r.meta.set('date', meta.date)
    r.meta.set('place', meta.place)
    r.meta.set('organiser', meta.organiser)
    r.meta.set('createdAt', meta.createdAt)
    r.control.set('phase', 'collecte' satisfies Phase)
    r.control.set('lockedThemes', [])
    r.control.set('timer', IDLE_TIMER)
    r.control.set('follow', { kind: 'overview' } satisfies FollowTarget)
    r.control.set('hiddenCards', [])
    r.control.set('round', null)
    r.control.set('results', null)
    r.control.set('rounds', [])
    for (const theme of TEMPLATES[template].themes) addTheme(doc, theme)
  })
}

/** Server-side: records who joined, so every screen can show names and centres without seeing credentials. */
export function putRosterEntry(doc: Y.Doc, participantId: string, entry: RosterEntry): void {
  doc.transact(() => roots(doc).roster.set(participantId, entry))
}

/** Server-side: removes someone from the roster (their cards stay). */
export function removeRosterEntry(doc: Y.Doc, participantId: string): void {
  doc.transact(() => roots(doc).roster.delete(participantId))
}

/** Server-side: moves the workshop to another phase. */
export function setPhase(doc: Y.Doc, phase: Phase): boolean {
  if (!PHASES.includes(phase)) return false
  doc.transact(() => roots(doc).control.set('phase', phase))
  return true
}

/** Server-side: locks or unlocks one board. */
export function setThemeLock(doc: Y.Doc, themeId: string, locked: boolean): void {
  doc.transact(() => {
    const current = new Set(readBoardAccess(doc).lockedThemes)
    if (locked) current.add(themeId)
    else current.delete(themeId)
    roots(doc).control.set('lockedThemes', [...current])
  })
}
