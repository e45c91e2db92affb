import { usePinnedIndicatorIds } from '../../hooks/usePinnedIndicatorIds'
import { useCanShape } from '../../hooks/useThemeAccess'
import { useT } from '../../i18n/useT'
import { DataCard } from './DataCard'

/** A board's data cards, in the order the facilitator set; nothing at all when none is pinned. */
export function DataCards({ themeId }: { themeId: string }) {
  const t = useT()
  const ids = usePinnedIndicatorIds(themeId)
  const canShape = useCanShape()
  if (ids.length === 0) return null
  return (
    <ul className="data-cards" aria-label={t('data.cards')}>
      {ids.map((id, index) => (
        <DataCard key={id} id={id} themeId={themeId} index={index} count={ids.length} canShape={canShape} />
      ))}
    </ul>
  )
}
