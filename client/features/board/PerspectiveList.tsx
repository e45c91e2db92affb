import { usePerspectiveIdsOf } from '../../hooks/usePerspectiveIdsOf'
import { useT } from '../../i18n/useT'
import { addPerspectiveTo } from '../../store'
import { PerspectiveColumn } from './PerspectiveColumn'

/** The theme's perspectives, numbered in order, and the button to add one. */
export function PerspectiveList({ themeId, editable }: { themeId: string; editable: boolean }) {
  const t = useT()
  const ids = usePerspectiveIdsOf(themeId)
  return (
    <div className="perspectives">
      {ids.length > 0 ? (
        <ol className="perspective-list" aria-label={t('board.perspectives')}>
          {ids.map((id, index) => (
            <PerspectiveColumn
              key={id}
              id={id}
              themeId={themeId}
              number={index + 1}
              count={ids.length}
              editable={editable}
            />
          ))}
        </ol>
      ) : null}
      {editable ? (
        <button
          type="button"
          className="button button--add button--add-perspective"
          onClick={() => addPerspectiveTo(themeId)}
        >
          <span aria-hidden="true">+</span> {t('board.addPerspective')}
        </button>
      ) : null}
    </div>
  )
}
