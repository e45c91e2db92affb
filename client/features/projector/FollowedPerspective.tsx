import { usePerspective } from '../../hooks/usePerspective'
import { usePerspectiveIdsOf } from '../../hooks/usePerspectiveIdsOf'
import { useShownCardIdsOf } from '../../hooks/useShownCardIdsOf'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { ProjectedCard } from './ProjectedCard'

/** One perspective filling the wall: its number, title and details, and its cards. */
export function FollowedPerspective({ perspectiveId }: { perspectiveId: string }) {
  const t = useT()
  const perspective = usePerspective(perspectiveId)
  const theme = useTheme(perspective?.themeId ?? '')
  const siblings = usePerspectiveIdsOf(perspective?.themeId ?? '')
  const cards = useShownCardIdsOf(perspective?.themeId ?? '', perspectiveId)
  if (!perspective) return null
  const number = siblings.indexOf(perspectiveId) + 1
  return (
    <section className="projected-perspective" aria-labelledby="projected-perspective-title">
      <p className="projected-context">{theme?.name || t('board.untitledTheme')}</p>
      <h2 id="projected-perspective-title" className="projected-perspective__title">
        <span className="projected-number projected-number--large" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">{number}.</span> {perspective.title.trim() || t('board.untitled')}
      </h2>
      {perspective.description.trim() ? (
        <p className="projected-perspective__details">{perspective.description}</p>
      ) : null}
      <ul className="projected-cards projected-cards--grid">
        {cards.map((id) => (
          <ProjectedCard key={id} id={id} />
        ))}
      </ul>
    </section>
  )
}
