import { useIndicatorCount } from '../../hooks/useIndicatorCount'
import { useUnpinnedIndicatorIds } from '../../hooks/useUnpinnedIndicatorIds'
import { useT } from '../../i18n/useT'
import { ImportForm } from './ImportForm'
import { UnpinnedList } from './UnpinnedList'

/** The facilitator's corner for the observatory's figures, folded by default so the board stays in view. */
export function DataManager({ themeId }: { themeId: string }) {
  const t = useT()
  const count = useIndicatorCount()
  const unpinned = useUnpinnedIndicatorIds().length
  return (
    <details className="data-manager">
      <summary className="data-manager__summary">
        {t('data.manage')}
        {count > 0 ? <span className="data-manager__count">{t('data.manageCount', { count, unpinned })}</span> : null}
      </summary>
      <div className="data-manager__body">
        <ImportForm />
        <UnpinnedList themeId={themeId} />
      </div>
    </details>
  )
}
