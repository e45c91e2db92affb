import { isVotable, type VoteItem } from '../voting'
import type { ExportRound } from './model'

/** The votes shown next to an item: those of the latest revealed round that covered the item's board. */

export interface VoteLookup {
  /** Dots an item received, or null when no revealed round put it to the vote. */
  votesFor(item: VoteItem): number | null
  /** Whether any item of the workshop has a count to show. */
  readonly any: boolean
}

/** Revealed rounds, newest first. */
function revealed(rounds: readonly ExportRound[]): Array<ExportRound & { totals: Record<string, number> }> {
  return rounds
    .filter((round): round is ExportRound & { totals: Record<string, number> } => round.totals !== null)
    .sort((a, b) => b.number - a.number)
}

export function voteLookup(rounds: readonly ExportRound[], themeIds: readonly string[]): VoteLookup {
  const newestFirst = revealed(rounds)
  // One round per board: a later round on another board does not erase this board's results.
  const byTheme = new Map<string, (typeof newestFirst)[number]>()
  for (const themeId of themeIds) {
    const round = newestFirst.find(
      (r) => r.settings.scope.kind === 'workshop' || r.settings.scope.themeId === themeId,
    )
    if (round) byTheme.set(themeId, round)
  }
  return {
    any: byTheme.size > 0,
    votesFor(item) {
      const round = byTheme.get(item.themeId)
      if (!round || !isVotable(item, round.settings)) return null
      return round.totals[item.id] ?? 0
    },
  }
}
