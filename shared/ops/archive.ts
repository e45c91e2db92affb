import type * as Y from 'yjs'
import { roots } from '../doc'
import type { PastRound } from '../schema'

/**
 * Server-side: sets the workshop's past vote rounds wholesale. Only for a workshop being rebuilt from an export,
 * whose earlier votes come along as past rounds (their ballots stayed with the server they were cast on).
 */
export function setPastRounds(doc: Y.Doc, rounds: readonly PastRound[]): void {
  doc.transact(() => roots(doc).control.set('rounds', [...rounds]))
}
