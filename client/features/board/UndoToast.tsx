import { useEffect } from 'react'
import { useFocusRequest } from '../../hooks/useFocusRequest'
import { useT } from '../../i18n/useT'
import { dismissNotice, dismissUndo, undoRemoveCard, useLoupeStore } from '../../store'

const UNDO_FOR_MS = 10_000
const NOTICE_FOR_MS = 6_000

/** "Carte supprimée. Annuler": a few seconds to change one's mind after deleting a card; also short notices. */
export function UndoToast() {
  const t = useT()
  const deleted = useLoupeStore((s) => s.lastDeleted)
  const notice = useLoupeStore((s) => s.notice)
  const undoRef = useFocusRequest<HTMLButtonElement>('undo')
  useEffect(() => {
    if (!deleted) return
    const timer = setTimeout(dismissUndo, UNDO_FOR_MS)
    return () => clearTimeout(timer)
  }, [deleted])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(dismissNotice, NOTICE_FOR_MS)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <div className="toast-region" role="status">
      {notice && !deleted ? <div className="toast">{t(notice)}</div> : null}
      {deleted ? (
        <div className="toast">
          <span>{t('card.deleted')}</span>
          <button
            ref={undoRef}
            type="button"
            className="button button--light"
            onClick={() => undoRemoveCard()}
            onKeyDown={(e) => e.key === 'Escape' && dismissUndo()}
          >
            {t('card.undo')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
