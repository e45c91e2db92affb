import { useCallback } from 'react'
import { focusTaken, useLoupeStore } from '../store'

/** A ref for the element that should take the focus when `id` is asked for (just added, or moved by keyboard). */
export function useFocusRequest<T extends HTMLElement>(id: string): (el: T | null) => void {
  return useFocusRef<T>(
    id,
    useLoupeStore((s) => s.focusId === id),
  )
}

/**
 * The same ref, for a component that already reads from the store whether `id` is asked for (one subscription
 * for all it needs: a board of 500 cards has 500 of them).
 */
export function useFocusRef<T extends HTMLElement>(id: string, wanted: boolean): (el: T | null) => void {
  return useCallback(
    (el: T | null) => {
      if (!el || !wanted) return
      el.focus()
      focusTaken(id)
    },
    [wanted, id],
  )
}
