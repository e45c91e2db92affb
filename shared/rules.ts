import type { ControlState, Phase, Role } from './schema'

/** Who may write what, in which phase. The server's referee and the UI both ask these questions. */

/** The part of the control state these rules read. */
export type BoardAccess = Pick<ControlState, 'phase' | 'lockedThemes'>

/** Phases in which participants may change the boards. */
export const EDITING_PHASES: ReadonlySet<Phase> = new Set(['collecte', 'regroupement'])

/** May this role change the boards at all right now? */
export function canEditBoards(role: Role, control: BoardAccess): boolean {
  if (role === 'projector') return false
  if (role === 'facilitator') return true
  return EDITING_PHASES.has(control.phase)
}

/** May this role change this theme's board right now (phase and per-board lock)? */
export function canEditTheme(role: Role, control: BoardAccess, themeId: string): boolean {
  if (!canEditBoards(role, control)) return false
  if (role === 'facilitator') return true
  return !control.lockedThemes.includes(themeId)
}

/** Adding or removing whole themes and guiding questions shapes the workshop: the facilitator's job. */
export function canShapeWorkshop(role: Role): boolean {
  return role === 'facilitator'
}
