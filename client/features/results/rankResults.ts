import type { RosterEntry, RoundResults } from '../../../shared/schema'
import { isVotable, rank, type VoteItem, type VoteSettings } from '../../../shared/voting'
import { listKey, type LoupeState } from '../../store'

/** The parts of the board the ranking reads. */
export type BoardView = Pick<
  LoupeState,
  'themeIds' | 'themesById' | 'perspectiveIdsByTheme' | 'perspectivesById' | 'cardIdsByList' | 'cardsById'
>

/** One ranked item, ready to show. */
export interface ResultEntry {
  item: VoteItem
  /** The perspective's title or the card's text. */
  text: string
  /** The perspective's number (for a card: the number of the perspective it sits in; null among ideas to sort). */
  perspectiveNumber: number | null
  votes: number
  /** Competition ranking: two items tied first are both 1, the next is 3. */
  rank: number
  tied: boolean
  /** Who put dots on it (named rounds only), by name, alphabetically. */
  voters: string[]
}

export interface RankedResults {
  entries: ResultEntry[]
  /** Votable items nobody put a dot on (not listed). */
  withoutVotes: number
  /** The largest total, for scaling bars. */
  top: number
}

interface Located {
  item: VoteItem
  text: string
  perspectiveNumber: number | null
}

/** Every item the round's settings let people vote on, in board order, hidden cards left out. */
export function votableItems(
  board: BoardView,
  settings: VoteSettings,
  hidden: readonly string[],
  themeId: string | null,
): Located[] {
  const found: Located[] = []
  const keep = (located: Located) => {
    if (
      isVotable(located.item, settings) &&
      !(located.item.kind === 'card' && hidden.includes(located.item.id))
    )
      found.push(located)
  }
  for (const tid of board.themeIds) {
    if (themeId !== null && tid !== themeId) continue
    const cardsOf = (perspectiveId: string | null, perspectiveNumber: number | null) => {
      for (const id of board.cardIdsByList[listKey(tid, perspectiveId)] ?? []) {
        const card = board.cardsById.get(id)
        if (card) keep({ item: { kind: 'card', id, themeId: tid }, text: card.text, perspectiveNumber })
      }
    }
    ;(board.perspectiveIdsByTheme[tid] ?? []).forEach((pid, index) => {
      const perspective = board.perspectivesById[pid]
      if (!perspective) return
      keep({
        item: { kind: 'perspective', id: pid, themeId: tid },
        text: perspective.title,
        perspectiveNumber: index + 1,
      })
      cardsOf(pid, index + 1)
    })
    cardsOf(null, null)
  }
  return found
}

/**
 * The revealed results as a ranking: most dots first, ties sharing a rank (and flagged), equal items in board
 * order; items without dots are counted, not listed. `themeId` null ranks the whole workshop.
 */
export function rankResults(
  board: BoardView,
  settings: VoteSettings,
  results: RoundResults,
  hidden: readonly string[],
  roster: Readonly<Record<string, RosterEntry>>,
  themeId: string | null,
): RankedResults {
  const items = votableItems(board, settings, hidden, themeId)
  const byId = new Map(items.map((located) => [located.item.id, located]))
  const totals = new Map(Object.entries(results.totals))
  const ranked = rank(
    items.map((located) => located.item.id),
    totals,
  ).filter((entry) => entry.votes > 0)
  const entries = ranked.flatMap((entry): ResultEntry[] => {
    const located = byId.get(entry.itemId)
    if (!located) return []
    const voters = (results.voters?.[entry.itemId] ?? [])
      .map((id) => roster[id]?.name ?? '')
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b))
    return [{ ...located, votes: entry.votes, rank: entry.rank, tied: entry.tied, voters }]
  })
  return { entries, withoutVotes: items.length - entries.length, top: entries[0]?.votes ?? 0 }
}
