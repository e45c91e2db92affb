import type { VoteItem } from '../voting'
import { isVotable } from '../voting'
import type { ExportCard, ExportRound, ExportTheme, WorkshopExport } from './model'
import { oneLine } from './sanitize'
import { shownCards, shownPerspectives } from './visible'

/**
 * The votes as CSV (RFC 4180): one row per item and round, items in board order. UTF-8 with a byte order mark so
 * that spreadsheet software reads accents correctly; comma-separated by default, semicolon on request (what
 * spreadsheet software set up for French opens straight into columns).
 */

export const CSV_COLUMNS = [
  'round',
  'round_status',
  'theme',
  'item_kind',
  'item_number',
  'item_text',
  'votes',
] as const
export type CsvSeparator = ',' | ';'

/**
 * item_kind: a perspective, an action line or an example in a perspective, or an idea still to sort.
 * item_number: "P2" (second perspective), "P2.1" (first card shown under it), "I3" (third idea to sort). Never a
 * bare "2.1", which spreadsheet software would turn into a date.
 */
export type CsvItemKind = 'perspective' | 'action' | 'example' | 'unsorted'

interface CsvItem {
  kind: CsvItemKind
  number: string
  text: string
  vote: VoteItem
}

// A cell starting with one of these is a formula to spreadsheet software (=HYPERLINK(…), +cmd, @SUM…).
const FORMULA_START = /^[\s]*[=+\-@\t\r]/

/** Makes a text cell inert: a leading apostrophe keeps a formula as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Quotes a cell when it holds the separator, a quote or a line break (quotes doubled). */
export function csvCell(value: string, separator: CsvSeparator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function themeItems(theme: ExportTheme): CsvItem[] {
  const items: CsvItem[] = []
  const cardItem = (card: ExportCard, kind: CsvItemKind, number: string): CsvItem => ({
    kind,
    number,
    text: card.text,
    vote: { kind: 'card', id: card.id, themeId: theme.id },
  })
  for (const { perspective, number, actions, examples } of shownPerspectives(theme)) {
    const p = `P${number}`
    items.push({
      kind: 'perspective',
      number: p,
      text: perspective.title,
      vote: { kind: 'perspective', id: perspective.id, themeId: theme.id },
    })
    ;[...actions, ...examples].forEach((card, i) =>
      items.push(cardItem(card, card.example ? 'example' : 'action', `${p}.${i + 1}`)),
    )
  }
  shownCards(theme.unsorted).forEach((card, i) => items.push(cardItem(card, 'unsorted', `I${i + 1}`)))
  return items
}

/** Rows of one round: every item it put to the vote, with its dots once revealed (empty before). */
function roundRows(round: ExportRound, themes: readonly ExportTheme[]): string[][] {
  const rows: string[][] = []
  for (const theme of themes) {
    for (const item of themeItems(theme)) {
      if (!isVotable(item.vote, round.settings)) continue
      const votes = round.totals ? String(round.totals[item.vote.id] ?? 0) : ''
      const text = neutraliseFormula(oneLine(item.text))
      rows.push([
        String(round.number),
        round.status,
        neutraliseFormula(oneLine(theme.name)),
        item.kind,
        item.number,
        text,
        votes,
      ])
    }
  }
  return rows
}

/** Renders the votes of every round (oldest first) as CSV text, starting with a byte order mark. */
export function renderVotesCsv(workshop: WorkshopExport, separator: CsvSeparator = ','): string {
  const rounds = [...workshop.control.rounds].sort((a, b) => a.number - b.number)
  const rows = [[...CSV_COLUMNS], ...rounds.flatMap((round) => roundRows(round, workshop.themes))]
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n')}\r\n`
}
