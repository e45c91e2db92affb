import { useCard } from '../../hooks/useCard'
import { useCardListOf } from '../../hooks/useCardListOf'
import { usePerspectiveIdsOf } from '../../hooks/usePerspectiveIdsOf'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'

/** One card, big: what the room is talking about right now, and where it sits on the boards. */
export function FollowedCard({ cardId }: { cardId: string }) {
  const t = useT()
  const card = useCard(cardId)
  const list = useCardListOf(cardId)
  const theme = useTheme(list?.themeId ?? '')
  const perspectiveIds = usePerspectiveIdsOf(list?.themeId ?? '')
  if (!card || !list) return null
  const where =
    list.perspectiveId === null
      ? t('board.unsorted')
      : t('board.perspective', { n: perspectiveIds.indexOf(list.perspectiveId) + 1 })
  return (
    <section className="projected-single" aria-label={t('projector.follow.card')}>
      <p className="projected-context">
        {theme?.name || t('board.untitledTheme')} · {where}
      </p>
      <blockquote
        className={`projected-single__card${card.example ? ' projected-single__card--example' : ''}`}
      >
        {card.example ? <span className="projected-card__badge">{t('card.example')}</span> : null}
        <p>{card.text.trim() || t('card.empty')}</p>
      </blockquote>
    </section>
  )
}
