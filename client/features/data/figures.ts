import { formatNumber, unitGap } from '../../../shared/indicators'
import type { IndicatorRecord } from '../../../shared/schema'

/** How a data card shows its numbers: the figure split from its unit, and the lengths of the two bars. */

export interface FigureParts {
  number: string
  /** What goes between number and unit (a narrow no-break space in French, nothing before "%" in English). */
  gap: string
  unit: string
}

export function figureParts(value: number, unit: string, locale: string): FigureParts {
  return { number: formatNumber(value, locale), gap: unitGap(unit, locale), unit }
}

export const figureText = ({ number, gap, unit }: FigureParts) => `${number}${gap}${unit}`

/**
 * The two bars' lengths in percent of the track: percentages on a 0–100 scale (so 45 % fills 45 %), other units
 * against the larger of the two figures. Negative figures draw no bar.
 */
export function barLengths(indicator: Pick<IndicatorRecord, 'value' | 'comparison' | 'unit'>): { ours: number; theirs: number } | null {
  const { value, comparison, unit } = indicator
  if (comparison === null) return null
  const top = Math.max(unit === '%' ? 100 : 0, value, comparison)
  if (top <= 0) return { ours: 0, theirs: 0 }
  const length = (n: number) => Math.round((Math.max(0, n) / top) * 1000) / 10
  return { ours: length(value), theirs: length(comparison) }
}
