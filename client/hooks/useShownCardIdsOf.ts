import { useShallow } from 'zustand/react/shallow'
import { listKey, useLoupeStore } from '../store'

const NONE: string[] = []

/**
 * The ids of a list's cards in board order, as this person may see them: cards the facilitator hid are left out,
 * except for the facilitator (who sees them dimmed).
 */
export function useShownCardIdsOf(themeId: string, perspectiveId: string | null): string[] {
  return useLoupeStore(
    useShallow((s) => {
      const ids = s.cardIdsByList[listKey(themeId, perspectiveId)] ?? NONE
      const hidden = s.control.hiddenCards
      if (hidden.length === 0 || s.session?.role === 'facilitator') return ids
      return ids.filter((id) => !hidden.includes(id))
    }),
  )
}
