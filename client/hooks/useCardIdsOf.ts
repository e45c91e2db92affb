import { listKey, useLoupeStore } from '../store'

const NONE: string[] = []

/** The ids of a list's cards in board order (perspectiveId null: the theme's ideas to sort). */
export function useCardIdsOf(themeId: string, perspectiveId: string | null): string[] {
  return useLoupeStore((s) => s.cardIdsByList[listKey(themeId, perspectiveId)] ?? NONE)
}
