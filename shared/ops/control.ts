import type * as Y from 'yjs'
import type { FollowTarget } from '../commands'
import { roots } from '../doc'
import type { TimerState } from '../timer'

/** Server-side: the facilitator's countdown, as computed by shared/timer.ts in the server's clock. */
export function setTimer(doc: Y.Doc, timer: TimerState): void {
  doc.transact(() => roots(doc).control.set('timer', timer))
}

/** Server-side: what the projector shows while it follows the facilitator. */
export function setFollow(doc: Y.Doc, target: FollowTarget): void {
  doc.transact(() => roots(doc).control.set('follow', target))
}
