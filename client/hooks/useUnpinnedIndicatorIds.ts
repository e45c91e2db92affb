import { useShallow } from 'zustand/react/shallow'
import { unpinnedIndicatorIds } from '../store/indicatorSelectors'
import { useLoupeStore } from '../store'

/** The ids of the indicators waiting to be pinned to a board. */
export function useUnpinnedIndicatorIds(): string[] {
  return useLoupeStore(useShallow(unpinnedIndicatorIds))
}
