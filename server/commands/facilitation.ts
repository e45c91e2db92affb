import type * as Y from 'yjs'
import type { FollowTarget } from '../../shared/commands'
import { roots } from '../../shared/doc'
import { setFollow, setPhase, setThemeLock } from '../../shared/ops'
import { done, refuse, type Handlers } from './context'
import { lastSettings, revealInto, startRound } from './rounds'

/** Phases, board locks and what the projector shows. Each takes effect for the referee as soon as it is stored. */

/** Whether what the projector is asked to show exists. */
function exists(doc: Y.Doc, target: FollowTarget): boolean {
  const r = roots(doc)
  switch (target.kind) {
    case 'overview':
    case 'results':
      return true
    case 'theme':
      return r.themes.has(target.themeId)
    case 'perspective':
      return r.perspectives.has(target.perspectiveId)
    case 'card':
      return r.cards.has(target.cardId)
  }
}

export const facilitationHandlers = {
  'phase.set': async (ctx, { phase }) => {
    const round = await ctx.voting.current()
    // Going to the vote opens a round when none is open; going to the results closes and reveals the current one.
    if (phase === 'vote' && round?.status !== 'open') {
      await startRound(ctx, lastSettings(ctx.room.doc), (doc) => setPhase(doc, phase))
      return done()
    }
    await ctx.room.change((doc) => {
      setPhase(doc, phase)
      if (phase === 'resultats' && round) revealInto(ctx, round, doc)
    })
    if (phase === 'resultats' && round) await ctx.voting.saveRound({ ...round, status: 'revealed' })
    return done()
  },
  'theme.lock': async (ctx, { themeId, locked }) => {
    if (locked && !roots(ctx.room.doc).themes.has(themeId)) return refuse('not_found')
    await ctx.room.change((doc) => setThemeLock(doc, themeId, locked))
    return done()
  },
  'projector.follow': async (ctx, { target }) => {
    if (!exists(ctx.room.doc, target)) return refuse('not_found')
    await ctx.room.change((doc) => setFollow(doc, target))
    return done()
  },
} satisfies Pick<Handlers, 'phase.set' | 'theme.lock' | 'projector.follow'>
