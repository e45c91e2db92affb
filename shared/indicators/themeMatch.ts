import { foldLabel } from './columns'

/**
 * Which board an indicator's theme label belongs to: the board of the same name (ignoring case and accents), else
 * the first board sharing one of the workshop's key words with it ("Participation des habitants" for
 * "participation", "Partenariats" for "partenaires locaux").
 */

/** Word stems that tie an observatory theme to a board even when the wording differs (participation, participatif;
 * partenariat, partenaires). */
const KEY_STEMS = ['particip', 'partena']

/** The id of the board this label belongs to, or null. `boards` in board order. */
export function matchBoard(
  label: string,
  boards: ReadonlyArray<{ id: string; name: string }>,
): string | null {
  const folded = foldLabel(label)
  if (folded === '') return null
  const exact = boards.find((board) => foldLabel(board.name) === folded)
  if (exact) return exact.id
  for (const stem of KEY_STEMS) {
    if (!folded.includes(stem)) continue
    const related = boards.find((board) => foldLabel(board.name).includes(stem))
    if (related) return related.id
  }
  return null
}
