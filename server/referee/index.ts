import type * as Y from 'yjs'
import type { Role } from '../../shared/schema'

export type RefereeVerdict = { ok: true } | { ok: false; reason: string }

/** How many cards each board holds, as the room keeps count (the referee itself never counts the document). */
export interface BoardCardCounts {
  /** Cards a board may hold; a change that would put more there is refused with `board_full`. */
  readonly limit: number
  count(themeId: string): number
  /** The board a card sits on now, or null for a card the document does not hold. */
  themeOf(cardId: string): string | null
}

/**
 * Decides, before anything is stored or relayed, whether a client's raw Yjs update may be applied to `doc`.
 * Implemented in this folder; see the referee's README section in PROTOCOL.md. Without `boards`, the number of
 * cards per board is not checked.
 */
export type CheckUpdate = (
  doc: Y.Doc,
  update: Uint8Array,
  role: Role,
  boards?: BoardCardCounts,
) => RefereeVerdict
