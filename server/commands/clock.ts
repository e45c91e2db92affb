import type { Peer } from '../rooms/bus'
import { encodeReply } from '../rooms/messages'

/** Answers a clock ping at once (outside the room's queue) so the round trip stays short and the offset precise. */
export function answerClockPing(peer: Peer, id: number, sentAt: number, now: number): void {
  peer.send(encodeReply({ kind: 'clock', sentAt, serverTime: now }))
  peer.send(encodeReply({ kind: 'result', id, ok: true }))
}
