import { useLoupeStore } from '../store'

const NONE: string[] = []

/** The ids of a theme's perspectives in board order. */
export function usePerspectiveIdsOf(themeId: string): string[] {
  return useLoupeStore((s) => s.perspectiveIdsByTheme[themeId] ?? NONE)
}
