import { useLoupeStore } from '../store'

/** The perspective a card shows in (null: ideas to sort), even if its recorded one was deleted meanwhile. */
export function useCardListOf(cardId: string): { themeId: string; perspectiveId: string | null } | null {
  const themeId = useLoupeStore((s) => s.cardsById.get(cardId)?.place.themeId ?? null)
  const perspectiveId = useLoupeStore((s) => {
    const place = s.cardsById.get(cardId)?.place
    const pid = place?.perspectiveId ?? null
    return pid !== null && s.perspectivesById[pid]?.themeId === place?.themeId ? pid : null
  })
  return themeId === null ? null : { themeId, perspectiveId }
}
