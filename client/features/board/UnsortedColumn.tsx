import { useT } from '../../i18n/useT'
import { addCardTo } from '../../store'
import { CardList } from './CardList'

/** "Idées à classer": the theme's cards that belong to no perspective yet. */
export function UnsortedColumn({ themeId, editable }: { themeId: string; editable: boolean }) {
  const t = useT()
  const headingId = `unsorted-${themeId}`
  return (
    <section className="unsorted" aria-labelledby={headingId}>
      <h3 id={headingId} className="unsorted__title">
        {t('board.unsorted')}
      </h3>
      {editable ? <p className="unsorted__hint">{t('board.unsortedHint')}</p> : null}
      <CardList themeId={themeId} perspectiveId={null} editable={editable} label={t('board.unsorted')} />
      {editable ? (
        <div className="add-links">
          <button type="button" className="add-link" onClick={() => addCardTo(themeId, null)}>
            <span className="add-link__plus" aria-hidden="true">
              +
            </span>{' '}
            {t('board.addIdea')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
