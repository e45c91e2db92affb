import { memo } from 'react'
import { useIndicator } from '../../hooks/useIndicator'
import { useLanguage, useT } from '../../i18n/useT'
import { ComparisonBars } from './ComparisonBars'
import { DataCardTools } from './DataCardTools'
import { figureParts, figureText } from './figures'

/**
 * One indicator on a board, readable from the back of the room: the figure large, what it counts, the comparison
 * in words, and two bars that set them side by side.
 */
export const DataCard = memo(function DataCard({
  id,
  themeId,
  index,
  count,
  canShape,
}: {
  id: string
  themeId: string
  /** Its place among the board's data cards, for the move buttons. */
  index: number
  count: number
  canShape: boolean
}) {
  const t = useT()
  const locale = useLanguage()
  const indicator = useIndicator(id)
  if (!indicator) return null
  const figure = figureParts(indicator.value, indicator.unit, locale)
  const comparison =
    indicator.comparison === null
      ? null
      : t('data.comparison', {
          label: indicator.comparisonLabel || t('data.comparisonUnlabelled'),
          figure: figureText(figureParts(indicator.comparison, indicator.unit, locale)),
        })
  const origin = [indicator.source, indicator.year === null ? '' : String(indicator.year)].filter(Boolean)
  return (
    <li className="data-card" aria-labelledby={`data-${id}-name`}>
      <p className="data-card__figure">
        <span className="data-card__number">{figure.number}</span>
        {figure.gap}
        <span className={indicator.unit === '%' ? 'data-card__percent' : 'data-card__unit'}>{figure.unit}</span>
      </p>
      <p className="data-card__name" id={`data-${id}-name`}>
        {indicator.indicator}
      </p>
      {comparison ? (
        <p className="data-card__comparison">
          <span className="data-card__swatch" aria-hidden="true" />
          {comparison}
        </p>
      ) : null}
      <ComparisonBars indicator={indicator} />
      {origin.length > 0 ? (
        <p className="data-card__source">
          {indicator.source && indicator.year !== null
            ? t('data.sourceYear', { source: indicator.source, year: indicator.year })
            : indicator.source || t('data.yearOnly', { year: indicator.year ?? '' })}
        </p>
      ) : null}
      {canShape ? <DataCardTools id={id} themeId={themeId} name={indicator.indicator} index={index} count={count} /> : null}
    </li>
  )
})
