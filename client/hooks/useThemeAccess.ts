import { canEditBoards, canEditTheme, canShapeWorkshop } from '../../shared/rules'
import { useLoupeStore } from '../store'

/** Why a board is read-only for this person ('phase' or 'locked'), or 'editable'. */
export type ThemeAccess = 'editable' | 'phase' | 'locked'

/** Whether this person may change this theme now (role, phase and lock, as the server checks them). */
export function useThemeAccess(themeId: string): ThemeAccess {
  return useLoupeStore((s) => {
    const role = s.session?.role ?? 'projector'
    if (canEditTheme(role, s.control, themeId)) return 'editable'
    return canEditBoards(role, s.control) ? 'locked' : 'phase'
  })
}

/** Whether this person shapes the workshop (adds boards, edits guiding questions). */
export function useCanShape(): boolean {
  return useLoupeStore((s) => (s.session ? canShapeWorkshop(s.session.role) : false))
}
