import type { IndicatorRecord } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** One indicator's record. */
export function useIndicator(id: string): IndicatorRecord | undefined {
  return useLoupeStore((s) => s.indicatorsById[id])
}
