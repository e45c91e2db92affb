import { useLoupeStore } from '../store'

/** The theme on screen: the one picked, or the first while none is (or the picked one was deleted). */
export function useSelectedThemeId(): string | null {
  return useLoupeStore((s) =>
    s.selectedThemeId !== null && s.themesById[s.selectedThemeId]
      ? s.selectedThemeId
      : (s.themeIds[0] ?? null),
  )
}
