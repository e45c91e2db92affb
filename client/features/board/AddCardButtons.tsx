import { useT } from '../../i18n/useT'
import { addCardTo } from '../../store'

/** "Ajouter une action" and "Ajouter un exemple" under a perspective. */
export function AddCardButtons({
  themeId,
  perspectiveId,
  number,
}: {
  themeId: string
  perspectiveId: string
  number: number
}) {
  const t = useT()
  return (
    <div className="add-links">
      <button
        type="button"
        className="add-link"
        aria-label={t('board.addActionTo', { n: number })}
        onClick={() => addCardTo(themeId, perspectiveId)}
      >
        <span className="add-link__plus" aria-hidden="true">
          +
        </span>{' '}
        {t('board.addAction')}
      </button>
      <button
        type="button"
        className="add-link add-link--example"
        aria-label={t('board.addExampleTo', { n: number })}
        onClick={() => addCardTo(themeId, perspectiveId, { example: true })}
      >
        <span className="add-link__plus" aria-hidden="true">
          +
        </span>{' '}
        {t('board.addExample')}
      </button>
    </div>
  )
}
