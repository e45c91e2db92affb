import type * as Y from 'yjs'
import type { Role } from '../../shared/schema'

export type RefereeVerdict = { ok: true } | { ok: false; reason: string }

/**
 * Decides, before anything is stored or relayed, whether a client's raw Yjs update may be applied to `doc`.
 * Implemented in this folder; see the referee's README section in PROTOCOL.md.
 */
export type CheckUpdate = (doc: Y.Doc, update: Uint8Array, role: Role) => RefereeVerdict
