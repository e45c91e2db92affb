import { useShallow } from 'zustand/react/shallow'
import type { ThemeRecord } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** The workshop's themes (boards) in order. */
export function useThemes(): ThemeRecord[] {
  return useLoupeStore(useShallow((s) => s.themeIds.flatMap((id) => s.themesById[id] ?? [])))
}
