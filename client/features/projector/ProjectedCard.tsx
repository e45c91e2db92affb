import { useCard } from '../../hooks/useCard'
import { useT } from '../../i18n/useT'

/** One card as the room reads it: its text, examples set apart. */
export function ProjectedCard({ id }: { id: string }) {
  const t = useT()
  const card = useCard(id)
  if (!card) return null
  return (
    <li className={`projected-card${card.example ? ' projected-card--example' : ''}`}>
      {card.example ? <span className="projected-card__badge">{t('card.example')}</span> : null}
      <p className="projected-card__text">{card.text.trim() || t('card.empty')}</p>
    </li>
  )
}
