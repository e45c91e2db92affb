import type { IndicatorRecord } from '../../../shared/schema'

/** The observatory's indicators, by id, as the server wrote them (`indicators` root): data cards come from here. */
export interface IndicatorsSlice {
  indicatorsById: Record<string, IndicatorRecord>
}

export const initialIndicators = (): IndicatorsSlice => ({ indicatorsById: {} })
