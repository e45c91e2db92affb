import { usePerspective } from '../../hooks/usePerspective'
import { usePerspectiveIdsOf } from '../../hooks/usePerspectiveIdsOf'
import { useShownCardIdsOf } from '../../hooks/useShownCardIdsOf'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { ProjectedCard } from './ProjectedCard'

/** One board on the wall: its numbered perspectives with their cards, and the ideas still to sort. */
export function FollowedTheme({ themeId }: { themeId: string }) {
  const t = useT()
  const theme = useTheme(themeId)
  const perspectiveIds = usePerspectiveIdsOf(themeId)
  const unsorted = useShownCardIdsOf(themeId, null)
  if (!theme) return null
  return (
    <section className="projected-theme" aria-labelledby="projected-theme-title">
      <h2 id="projected-theme-title" className="projected-theme__title">
        {theme.name || t('board.untitledTheme')}
      </h2>
      <div className="projected-theme__columns">
        {perspectiveIds.map((id, index) => (
          <PerspectiveColumn key={id} id={id} themeId={themeId} number={index + 1} />
        ))}
        {unsorted.length > 0 ? (
          <section className="projected-column projected-column--unsorted" aria-label={t('board.unsorted')}>
            <h3 className="projected-column__title">{t('board.unsorted')}</h3>
            <ul className="projected-cards">
              {unsorted.map((id) => (
                <ProjectedCard key={id} id={id} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </section>
  )
}

function PerspectiveColumn({ id, themeId, number }: { id: string; themeId: string; number: number }) {
  const t = useT()
  const perspective = usePerspective(id)
  const cards = useShownCardIdsOf(themeId, id)
  if (!perspective) return null
  return (
    <section className="projected-column" aria-label={t('board.perspective', { n: number })}>
      <h3 className="projected-column__title">
        <span className="projected-number" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">{number}.</span> {perspective.title.trim() || t('board.untitled')}
      </h3>
      <ul className="projected-cards">
        {cards.map((cardId) => (
          <ProjectedCard key={cardId} id={cardId} />
        ))}
      </ul>
    </section>
  )
}
