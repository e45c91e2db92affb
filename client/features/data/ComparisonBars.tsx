import type { IndicatorRecord } from '../../../shared/schema'
import { barLengths } from './figures'

/**
 * Two horizontal bars: ours, then the comparison. Decorative (hidden from assistive technology): the card states
 * both figures in words.
 */
export function ComparisonBars({ indicator }: { indicator: IndicatorRecord }) {
  const lengths = barLengths(indicator)
  if (!lengths) return null
  return (
    <div className="data-bars" aria-hidden="true">
      <span className="data-bars__track">
        <span className="data-bars__bar data-bars__bar--ours" style={{ width: `${lengths.ours}%` }} />
      </span>
      <span className="data-bars__track">
        <span className="data-bars__bar data-bars__bar--theirs" style={{ width: `${lengths.theirs}%` }} />
      </span>
    </div>
  )
}
