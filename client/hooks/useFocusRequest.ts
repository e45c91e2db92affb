import { useCallback } from 'react'
import { focusTaken, useLoupeStore } from '../store'

/** A ref for the element that should take the focus when `id` is asked for (just added, or moved by keyboard). */
export function useFocusRequest<T extends HTMLElement>(id: string): (el: T | null) => void {
  const wanted = useLoupeStore((s) => s.focusId === id)
  return useCallback(
    (el: T | null) => {
      if (!el || !wanted) return
      el.focus()
      focusTaken(id)
    },
    [wanted, id],
  )
}
