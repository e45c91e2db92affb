import type * as Y from 'yjs'
import { isCardPlace, roots, stringField } from '../../shared/doc'
import { isCardHidden } from '../../shared/ops'
import { applyVote, type VoteItem } from '../../shared/voting'
import { done, refuse, type CommandContext, type Handlers, type Outcome } from './context'

/** Placing and withdrawing dots. The voter is always the connection's own participant. */

/** What the id names on the boards (its kind follows from which map holds it), or null. */
function findItem(doc: Y.Doc, itemId: string): VoteItem | null {
  const r = roots(doc)
  const perspective = r.perspectives.get(itemId)
  if (perspective) return { kind: 'perspective', id: itemId, themeId: stringField(perspective, 'themeId') }
  const place = r.cards.get(itemId)?.get('place')
  return isCardPlace(place) ? { kind: 'card', id: itemId, themeId: place.themeId } : null
}

async function vote(ctx: CommandContext, itemId: string, delta: 1 | -1): Promise<Outcome> {
  const { voting, peer, room } = ctx
  const round = await voting.current()
  if (!round) return refuse('no_round')
  if (round.status !== 'open') return refuse('round_not_open')
  let item = findItem(room.doc, itemId)
  if (delta === 1) {
    if (!item) return refuse('not_found')
    if (item.kind === 'card' && isCardHidden(room.doc, itemId)) return refuse('not_votable')
  }
  // A dot on an item deleted since can still be taken back.
  item ??= { kind: 'card', id: itemId, themeId: '' }
  const check = applyVote(voting.ballotOf(peer.participantId), round.settings, round.status, item, delta)
  if (!check.ok) return refuse(check.reason)
  await voting.save(round, new Map([[peer.participantId, check.ballot]]))
  if (voting.countsChanged(round)) await voting.publish()
  voting.sendBallot(peer.participantId, round)
  return done()
}

export const voteHandlers = {
  'vote.add': (ctx, command) => vote(ctx, command.itemId, 1),
  'vote.remove': (ctx, command) => vote(ctx, command.itemId, -1),
  'ballot.get': async (ctx) => {
    ctx.voting.sendBallot(ctx.peer.participantId, await ctx.voting.current())
    return done()
  },
} satisfies Pick<Handlers, 'vote.add' | 'vote.remove' | 'ballot.get'>
