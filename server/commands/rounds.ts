import type * as Y from 'yjs'
import { readControl, readRound, roots } from '../../shared/doc'
import { openRound, revealRound, setRoundOpen } from '../../shared/ops'
import type { RoundState } from '../../shared/schema'
import { DEFAULT_VOTE_SETTINGS, type VoteSettings } from '../../shared/voting'
import { done, refuse, type CommandContext, type Handlers, type Outcome } from './context'

/** The facilitator's vote rounds: open (with settings), close, reopen, reveal, reset. */

/** Settings for a round opened without any: the current or last round's, else the defaults. */
export function lastSettings(doc: Y.Doc): VoteSettings {
  const control = readControl(doc)
  return control.round?.settings ?? control.rounds.at(-1)?.settings ?? DEFAULT_VOTE_SETTINGS
}

/**
 * Opens a new round (the current one joins the past rounds) together with `alongside`, then hands everyone their
 * empty ballot.
 */
export async function startRound(
  ctx: CommandContext,
  settings: VoteSettings,
  alongside?: (doc: Y.Doc) => void,
): Promise<RoundState> {
  await ctx.room.change((doc) => {
    alongside?.(doc)
    openRound(doc, settings, ctx.now)
  })
  // Commands of a room run one at a time: the round just opened is the current one.
  const round = await ctx.voting.current()
  if (!round) throw new Error('no current round after opening one')
  ctx.voting.sendBallots(round)
  return round
}

/** Reveals the current round inside a change, with the results of its ballots and its final voter count. */
export function revealInto(ctx: CommandContext, round: RoundState, doc: Y.Doc): void {
  if (round.status !== 'revealed') revealRound(doc, ctx.voting.results(round))
  ctx.voting.writeCountsInto(doc)
}

/** Stores the round's status as the document now has it. */
async function recordStatus(ctx: CommandContext): Promise<void> {
  const round = readRound(ctx.room.doc)
  if (round) await ctx.voting.saveRound(round)
}

async function withRound(
  ctx: CommandContext,
  act: (round: RoundState) => Promise<Outcome>,
): Promise<Outcome> {
  const round = await ctx.voting.current()
  return round ? act(round) : refuse('no_round')
}

export const roundHandlers = {
  'round.open': async (ctx, { settings }) => {
    if (settings.scope.kind === 'theme' && !roots(ctx.room.doc).themes.has(settings.scope.themeId))
      return refuse('not_found')
    const round = await startRound(ctx, settings)
    return done({ roundId: round.id })
  },
  'round.close': (ctx) =>
    withRound(ctx, async (round) => {
      if (round.status !== 'open') return refuse('round_not_open')
      // The final voter count goes with the closing, rather than after it when the last votes came just before.
      await ctx.room.change((doc) => {
        setRoundOpen(doc, false)
        ctx.voting.writeCountsInto(doc)
      })
      await recordStatus(ctx)
      return done()
    }),
  'round.reopen': (ctx) =>
    withRound(ctx, async (round) => {
      if (round.status === 'open') return done()
      await ctx.room.change((doc) => setRoundOpen(doc, true))
      await recordStatus(ctx)
      ctx.voting.sendBallots(readRound(ctx.room.doc))
      return done()
    }),
  'round.reveal': (ctx) =>
    withRound(ctx, async (round) => {
      await ctx.room.change((doc) => revealInto(ctx, round, doc))
      await recordStatus(ctx)
      return done()
    }),
  'round.reset': (ctx) =>
    withRound(ctx, async (round) => {
      const next = await startRound(ctx, round.settings)
      return done({ roundId: next.id })
    }),
} satisfies Pick<Handlers, 'round.open' | 'round.close' | 'round.reopen' | 'round.reveal' | 'round.reset'>
