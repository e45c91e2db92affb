import { useRef } from 'react'
import { dotsLeft, type VoteItem } from '../../shared/voting'
import { myBallot, roundTakingDots, useCardScoped } from '../store'

export interface DotState {
  /** This person's dots on the item. */
  mine: number
  /** Whether one more dot would pass the budget and the per-item limit (the server decides in the end). */
  canAdd: boolean
}

/**
 * This person's dots on one item, or null when the item takes no dot now (no open vote, not in scope, hidden).
 * The previous answer is kept while it holds: every card of a full board asks on every change of the store that is not only another card's.
 */
export function useDotState(item: VoteItem): DotState | null {
  const last = useRef<DotState | null>(null)
  return useCardScoped(item.id, (s) => {
    const round = roundTakingDots(s, item)
    if (!round) return null
    const ballot = myBallot(s)
    const mine = ballot[item.id] ?? 0
    const canAdd = dotsLeft(ballot, round.settings) > 0 && mine < round.settings.maxPerItem
    const before = last.current
    if (before !== null && before.mine === mine && before.canAdd === canAdd) return before
    return (last.current = { mine, canAdd })
  })
}
