import type { ThemeRecord } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** One theme's record. */
export function useTheme(id: string): ThemeRecord | undefined {
  return useLoupeStore((s) => s.themesById[id])
}
