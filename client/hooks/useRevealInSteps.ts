import { startTransition, useEffect, useState } from 'react'

/** Items a list shows on its first frame: more than a screenful of cards on a projector. */
export const FIRST_STEP = 40
/** Items added per step after that. */
const STEP = 80

/**
 * How many of a list's `total` items to render now. A long list (a board of hundreds of cards) shows its first
 * screenful at once and the rest over the next tasks, each rendered as a transition, so the page answers the person
 * while it fills instead of freezing for the whole list. Once the list is complete it stays complete: an item added
 * later shows at once.
 */
export function useRevealInSteps(total: number): number {
  const [shown, setShown] = useState(FIRST_STEP)
  const complete = shown >= total
  const [done, setDone] = useState(complete)
  useEffect(() => {
    if (done) return undefined
    if (complete) {
      setDone(true)
      return undefined
    }
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + STEP)))
    return () => clearTimeout(timer)
  }, [done, complete, shown])
  return done ? total : Math.min(shown, total)
}
