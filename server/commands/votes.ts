import type * as Y from 'yjs'
import { isCardPlace, roots, stringField } from '../../shared/doc'
import { isCardHidden } from '../../shared/ops'
import type { RoundState } from '../../shared/schema'
import { applyVote, type Ballot, type VoteItem } from '../../shared/voting'
import type { Peer } from '../rooms/bus'
import type { Room } from '../rooms/Room'
import { done, refuse, type Handlers, type Outcome } from './context'
import type { RoomVoting } from './roomVoting'

/** Placing and withdrawing dots. The voter is always the connection's own participant. */

export interface VoteRequest {
  peer: Peer
  itemId: string
  delta: 1 | -1
}

/** What the id names on the boards (its kind follows from which map holds it), or null. */
function findItem(doc: Y.Doc, itemId: string): VoteItem | null {
  const r = roots(doc)
  const perspective = r.perspectives.get(itemId)
  if (perspective) return { kind: 'perspective', id: itemId, themeId: stringField(perspective, 'themeId') }
  const place = r.cards.get(itemId)?.get('place')
  return isCardPlace(place) ? { kind: 'card', id: itemId, themeId: place.themeId } : null
}

type Checked = { ok: true; ballot: Ballot } | { ok: false; outcome: Outcome }

function checkVote(
  doc: Y.Doc,
  round: RoundState | null,
  ballot: Ballot,
  itemId: string,
  delta: 1 | -1,
): Checked {
  if (!round) return { ok: false, outcome: refuse('no_round') }
  if (round.status !== 'open') return { ok: false, outcome: refuse('round_not_open') }
  let item = findItem(doc, itemId)
  if (delta === 1) {
    if (!item) return { ok: false, outcome: refuse('not_found') }
    if (item.kind === 'card' && isCardHidden(doc, itemId))
      return { ok: false, outcome: refuse('not_votable') }
  }
  // A dot on an item deleted since can still be taken back.
  item ??= { kind: 'card', id: itemId, themeId: '' }
  const check = applyVote(ballot, round.settings, round.status, item, delta)
  return check.ok ? { ok: true, ballot: check.ballot } : { ok: false, outcome: refuse(check.reason) }
}

/**
 * Checks a run of votes in arrival order (each against the ballot the earlier ones left), then stores the changed
 * ballots in one write, sends each voter their new ballot and has the voter count published (at once, or with the
 * other votes of its window: RoomVoting.publishCounts). A vote from a connection closed meanwhile gets no answer
 * (null) and changes nothing.
 */
export async function castVotes(
  room: Room,
  voting: RoomVoting,
  requests: readonly VoteRequest[],
): Promise<Array<Outcome | null>> {
  if (room.gone) return requests.map(() => null)
  const round = await voting.current()
  const changed = new Map<string, Ballot>()
  const outcomes = requests.map(({ peer, itemId, delta }) => {
    if (!peer.isOpen) return null
    const voter = peer.participantId
    const checked = checkVote(room.doc, round, changed.get(voter) ?? voting.ballotOf(voter), itemId, delta)
    if (!checked.ok) return checked.outcome
    changed.set(voter, checked.ballot)
    return done()
  })
  if (round && changed.size > 0) {
    await voting.save(round, changed)
    // The dots are stored: answer now. The new count reaches everyone through the room's own ordered queue.
    voting.publishCounts()
    for (const voter of changed.keys()) voting.sendBallot(voter, round)
  }
  return outcomes
}

export const voteHandlers = {
  'ballot.get': async (ctx) => {
    ctx.voting.sendBallot(ctx.peer.participantId, await ctx.voting.current())
    return done()
  },
} satisfies Pick<Handlers, 'ballot.get'>
