import type { ExportCard, ExportPerspective, ExportTheme } from './model'
import { oneLine, textLines } from './sanitize'

/**
 * What a published export shows of a board, the same way in every format so that "perspective 2" means the same
 * thing in the synthesis and in the votes: hidden and empty cards are left out, and so is an untitled perspective
 * nobody filled (a slip of the mouse, not a result).
 */

export function shownCards(cards: readonly ExportCard[]): ExportCard[] {
  return cards.filter((card) => !card.hidden && textLines(card.text).length > 0)
}

export interface ShownPerspective {
  perspective: ExportPerspective
  /** 1, 2, 3… among the perspectives shown. */
  number: number
  /** Action lines first, then examples: the order the synthesis lists them in. */
  actions: ExportCard[]
  examples: ExportCard[]
}

export function shownPerspectives(theme: ExportTheme): ShownPerspective[] {
  return theme.perspectives
    .map((perspective) => ({ perspective, cards: shownCards(perspective.cards) }))
    .filter(({ perspective, cards }) => oneLine(perspective.title) !== '' || cards.length > 0)
    .map(({ perspective, cards }, index) => ({
      perspective,
      number: index + 1,
      actions: cards.filter((card) => !card.example),
      examples: cards.filter((card) => card.example),
    }))
}
