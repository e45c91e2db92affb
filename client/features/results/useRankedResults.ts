import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useRevealedResults } from '../../hooks/useRevealedResults'
import { useLoupeStore } from '../../store'
import { rankResults, type RankedResults } from './rankResults'

/** The revealed round's ranking (the whole workshop, or one theme), or null while nothing is revealed. */
export function useRankedResults(themeId: string | null): RankedResults | null {
  const revealed = useRevealedResults()
  const board = useLoupeStore(
    useShallow((s) => ({
      themeIds: s.themeIds,
      themesById: s.themesById,
      perspectiveIdsByTheme: s.perspectiveIdsByTheme,
      perspectivesById: s.perspectivesById,
      cardIdsByList: s.cardIdsByList,
      cardsById: s.cardsById,
    })),
  )
  const hidden = useLoupeStore((s) => s.control.hiddenCards)
  const roster = useLoupeStore((s) => s.roster)
  const settings = revealed?.round.settings
  const results = revealed?.results
  return useMemo(
    () => (settings && results ? rankResults(board, settings, results, hidden, roster, themeId) : null),
    [board, settings, results, hidden, roster, themeId],
  )
}
