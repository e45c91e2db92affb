import { useIndicator } from '../../hooks/useIndicator'
import { useIndicatorCount } from '../../hooks/useIndicatorCount'
import { useUnpinnedIndicatorIds } from '../../hooks/useUnpinnedIndicatorIds'
import { useLanguage, useT } from '../../i18n/useT'
import { deleteIndicator, pinToBoard } from './actions'
import { figureParts, figureText } from './figures'

/** Indicators on no board yet, each with a button to pin it to the board on screen. */
export function UnpinnedList({ themeId }: { themeId: string }) {
  const t = useT()
  const ids = useUnpinnedIndicatorIds()
  const total = useIndicatorCount()
  return (
    <section className="data-unpinned" aria-labelledby={`unpinned-${themeId}`}>
      <h4 id={`unpinned-${themeId}`} className="data-manager__heading">
        {t('data.unpinned.heading')}
      </h4>
      {ids.length === 0 ? (
        <p className="muted">{t(total === 0 ? 'data.unpinned.empty' : 'data.unpinned.none')}</p>
      ) : (
        <ul className="data-unpinned__list">
          {ids.map((id) => (
            <UnpinnedItem key={id} id={id} themeId={themeId} />
          ))}
        </ul>
      )}
    </section>
  )
}

function UnpinnedItem({ id, themeId }: { id: string; themeId: string }) {
  const t = useT()
  const locale = useLanguage()
  const indicator = useIndicator(id)
  if (!indicator) return null
  const name = indicator.indicator
  return (
    <li className="data-unpinned__item">
      <span className="data-unpinned__text">
        <span className="data-unpinned__figure">{figureText(figureParts(indicator.value, indicator.unit, locale))}</span>{' '}
        {name}
        {indicator.theme ? <span className="data-unpinned__theme"> · {indicator.theme}</span> : null}
      </span>
      <button type="button" className="button" aria-label={t('data.pinHereLabel', { name })} onClick={() => void pinToBoard(id, themeId)}>
        {t('data.pinHere')}
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={t('data.remove', { name })}
        title={t('data.remove', { name })}
        onClick={() => void deleteIndicator(id)}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </li>
  )
}
