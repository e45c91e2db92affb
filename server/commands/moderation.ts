import { CLOSE } from '../../shared/protocol'
import { roots } from '../../shared/doc'
import { markParticipantRemoved, mergeCards, setCardHidden } from '../../shared/ops'
import type { Ballot } from '../../shared/voting'
import { done, refuse, type CommandContext, type Handlers, type Outcome } from './context'

/** The facilitator's moderation: hiding and merging cards, removing a participant. */

/** The ballots that had dots on `sourceId`, with those dots moved to `targetId` (no limit applies to a merge). */
function movedDots(
  ballots: ReadonlyMap<string, Ballot>,
  sourceId: string,
  targetId: string,
): Map<string, Ballot> {
  const moved = new Map<string, Ballot>()
  for (const [participantId, ballot] of ballots) {
    const dots = ballot[sourceId]
    if (!dots) continue
    const next = { ...ballot, [targetId]: (ballot[targetId] ?? 0) + dots }
    delete next[sourceId]
    moved.set(participantId, next)
  }
  return moved
}

async function merge(ctx: CommandContext, sourceId: string, targetId: string): Promise<Outcome> {
  const cards = roots(ctx.room.doc).cards
  if (!cards.has(sourceId) || !cards.has(targetId)) return refuse('not_found')
  const round = await ctx.voting.current()
  const moved = round ? movedDots(ctx.voting.allBallots(), sourceId, targetId) : new Map<string, Ballot>()
  if (round && moved.size > 0) await ctx.voting.save(round, moved)
  await ctx.voting.publish((doc) => mergeCards(doc, sourceId, targetId))
  if (round && moved.size > 0) ctx.voting.sendBallots(round, new Set(moved.keys()))
  return done()
}

async function removeParticipant(ctx: CommandContext, participantId: string): Promise<Outcome> {
  const entry = roots(ctx.room.doc).roster.get(participantId)
  if (!entry) return refuse('not_found')
  // Facilitators are not removed from inside the workshop: that could lock everyone out of steering it.
  if (entry.role !== 'participant') return refuse('forbidden')
  if (!(await ctx.deps.registry.setParticipantRemoved(ctx.room.workshopId, participantId, true)))
    return refuse('not_found')
  for (const peer of [...ctx.room.peers]) {
    if (peer.participantId === participantId) peer.close(CLOSE.removed, 'removed by the facilitator')
  }
  const round = await ctx.voting.current()
  if (round?.status === 'open' && Object.keys(ctx.voting.ballotOf(participantId)).length > 0) {
    await ctx.voting.save(round, new Map([[participantId, {}]]))
  }
  await ctx.voting.publish((doc) => markParticipantRemoved(doc, participantId))
  return done()
}

export const moderationHandlers = {
  'card.hide': async (ctx, { cardId, hidden }) => {
    if (hidden && !roots(ctx.room.doc).cards.has(cardId)) return refuse('not_found')
    await ctx.room.change((doc) => setCardHidden(doc, cardId, hidden))
    return done()
  },
  'card.merge': (ctx, { sourceId, targetId }) => merge(ctx, sourceId, targetId),
  'participant.remove': (ctx, { participantId }) => removeParticipant(ctx, participantId),
} satisfies Pick<Handlers, 'card.hide' | 'card.merge' | 'participant.remove'>
