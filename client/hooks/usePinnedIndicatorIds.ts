import { useShallow } from 'zustand/react/shallow'
import { pinnedIndicatorIds } from '../store/indicatorSelectors'
import { useLoupeStore } from '../store'

/** The ids of a board's data cards, in order (a new array only when the list changes). */
export function usePinnedIndicatorIds(themeId: string): string[] {
  return useLoupeStore(useShallow((s) => pinnedIndicatorIds(s, themeId)))
}
