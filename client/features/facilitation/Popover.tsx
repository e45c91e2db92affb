import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useDismiss } from '../../ui/useDismiss'

/**
 * A button that opens a small panel under it (a disclosure, not a modal): Escape or a click outside closes it and
 * Escape gives the focus back to the button.
 */
export function Popover({
  label,
  summary,
  icon,
  className = '',
  panelClassName = '',
  children,
}: {
  /** The button's visible text. */
  label: ReactNode
  /** A short state shown next to the label (what runs now). */
  summary?: ReactNode
  /** A decorative icon before the label. */
  icon?: ReactNode
  className?: string
  panelClassName?: string
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  // Panels open under their button, aligned on its right edge unless that pushes them off the screen's left side.
  const [alignLeft, setAlignLeft] = useState(false)
  useLayoutEffect(() => {
    if (!open) return setAlignLeft(false)
    const panel = panelRef.current
    if (panel && panel.getBoundingClientRect().left < 8) setAlignLeft(true)
  }, [open])
  const close = useCallback(() => setOpen(false), [])
  const dismiss = useCallback((reason: 'escape' | 'outside') => {
    setOpen(false)
    if (reason === 'escape') buttonRef.current?.focus()
  }, [])
  useDismiss(rootRef, open, dismiss)
  return (
    <div ref={rootRef} className={`popover ${className}`}>
      <button
        ref={buttonRef}
        type="button"
        className="facil-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {icon}
        <span className="facil-button__label">{label}</span>
        {summary ? <span className="facil-button__summary">{summary}</span> : null}
        <span className="facil-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          className={`popover__panel${alignLeft ? ' popover__panel--left' : ''} ${panelClassName}`}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  )
}
