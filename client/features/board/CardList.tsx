import { useRevealInSteps } from '../../hooks/useRevealInSteps'
import { useShownCardIdsOf } from '../../hooks/useShownCardIdsOf'
import { useT } from '../../i18n/useT'
import { Card } from './Card'

/** The cards of one list (a perspective, or the ideas to sort), in board order. */
export function CardList({
  themeId,
  perspectiveId,
  editable,
  label,
}: {
  themeId: string
  perspectiveId: string | null
  editable: boolean
  label: string
}) {
  const t = useT()
  const ids = useShownCardIdsOf(themeId, perspectiveId)
  const shown = useRevealInSteps(ids.length)
  if (ids.length === 0 && !editable) return <p className="cards__empty">{t('board.noCards')}</p>
  return (
    <ul className="cards" aria-label={label}>
      {(shown < ids.length ? ids.slice(0, shown) : ids).map((id) => (
        <Card key={id} id={id} editable={editable} />
      ))}
    </ul>
  )
}
