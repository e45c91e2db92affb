import { useCallback, useRef, useState } from 'react'
import { useFocusRequest } from '../../hooks/useFocusRequest'
import { useRole } from '../../hooks/useRole'
import { useT } from '../../i18n/useT'
import { movePerspectiveBy, removePerspective, requestFocus } from '../../store'
import { useDismiss } from '../../ui/useDismiss'
import { ShowOnScreenButton } from '../facilitation/ShowOnScreenButton'

interface Props {
  id: string
  number: number
  count: number
  hasDetails: boolean
  onAddDetails: () => void
}

/** A perspective's tools behind one small button: move it, add details, delete it (after confirming). */
export function PerspectiveTools({ id, number, count, hasDetails, onAddDetails }: Props) {
  const t = useT()
  const rootRef = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const toggleRef = useFocusRequest<HTMLButtonElement>(`${id}:tools`)
  const upRef = useFocusRequest<HTMLButtonElement>(`${id}:up`)
  const downRef = useFocusRequest<HTMLButtonElement>(`${id}:down`)
  const cancelRef = useFocusRequest<HTMLButtonElement>(`${id}:cancel`)
  const role = useRole()
  const close = useCallback(
    (reason: 'escape' | 'outside') => {
      setOpen(false)
      setConfirming(false)
      if (reason === 'escape') requestFocus(`${id}:tools`)
    },
    [id],
  )
  useDismiss(rootRef, open, close)

  const step = (direction: -1 | 1) => {
    const next = number - 1 + direction
    // At either end one of the two buttons is disabled: the focus goes to the one still useful.
    const keep = next <= 0 ? 'down' : next >= count - 1 ? 'up' : direction < 0 ? 'up' : 'down'
    if (movePerspectiveBy(id, direction)) requestFocus(`${id}:${keep}`)
  }
  const label = t('board.perspectiveTools', { n: number })
  const panelId = `perspective-tools-${id}`
  return (
    <div ref={rootRef} className="perspective__tools">
      <button
        ref={toggleRef}
        type="button"
        className="icon-button perspective__tools-toggle"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen(!open)
          setConfirming(false)
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <div id={panelId} className="tools-panel" role="group" aria-label={label}>
          {confirming ? (
            <div className="confirm">
              <p>{t('board.deletePerspectiveConfirm', { n: number })}</p>
              <div className="button-row">
                <button type="button" className="button button--danger" onClick={() => removePerspective(id)}>
                  {t('board.confirmDelete')}
                </button>
                <button ref={cancelRef} type="button" className="button" onClick={() => setConfirming(false)}>
                  {t('board.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <>
              <button
                ref={upRef}
                type="button"
                className="tool"
                disabled={number <= 1}
                onClick={() => step(-1)}
              >
                <span aria-hidden="true">←</span> {t('board.movePerspectiveUp', { n: number })}
              </button>
              <button
                ref={downRef}
                type="button"
                className="tool"
                disabled={number >= count}
                onClick={() => step(1)}
              >
                <span aria-hidden="true">→</span> {t('board.movePerspectiveDown', { n: number })}
              </button>
              {role === 'facilitator' ? (
                <ShowOnScreenButton
                  target={{ kind: 'perspective', perspectiveId: id }}
                  onDone={() => setOpen(false)}
                />
              ) : null}
              {hasDetails ? null : (
                <button
                  type="button"
                  className="tool"
                  onClick={() => {
                    setOpen(false)
                    onAddDetails()
                  }}
                >
                  <span aria-hidden="true">¶</span> {t('board.addDescription')}
                </button>
              )}
              <button
                type="button"
                className="tool tool--danger"
                onClick={() => {
                  setConfirming(true)
                  requestFocus(`${id}:cancel`)
                }}
              >
                <span aria-hidden="true">✕</span> {t('board.deletePerspective', { n: number })}
              </button>
            </>
          )}
        </div>
      ) : null}
    </div>
  )
}
