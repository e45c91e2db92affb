import type { FollowTarget } from '../../../shared/commands'
import type { Phase } from '../../../shared/schema'
import type { VoteSettings } from '../../../shared/voting'
import { commandApplied } from './commands'

/** The facilitator's commands, one plain function each; every one resolves with whether the server applied it. */

/** Moves the workshop to a phase (to 'vote' also opens a round, to 'resultats' also reveals it: server-side). */
export const setPhaseTo = (phase: Phase) => commandApplied({ type: 'phase.set', phase })

/** Locks or unlocks one board for participants. */
export const lockTheme = (themeId: string, locked: boolean) =>
  commandApplied({ type: 'theme.lock', themeId, locked })

/** Starts the countdown for a number of minutes (fractions allowed). */
export const startCountdown = (minutes: number) =>
  commandApplied({ type: 'timer.start', durationMs: Math.round(minutes * 60_000) })
export const pauseCountdown = () => commandApplied({ type: 'timer.pause' })
export const resumeCountdown = () => commandApplied({ type: 'timer.resume' })
export const addCountdownMinute = () => commandApplied({ type: 'timer.addMinute' })
export const stopCountdown = () => commandApplied({ type: 'timer.stop' })

/** Opens a new vote round with these settings (the current one joins the past rounds). */
export const openVoteRound = (settings: VoteSettings) => commandApplied({ type: 'round.open', settings })
export const closeVoteRound = () => commandApplied({ type: 'round.close' })
export const reopenVoteRound = () => commandApplied({ type: 'round.reopen' })
export const revealVoteRound = () => commandApplied({ type: 'round.reveal' })
/** Starts the vote over with the same settings; everyone's dots come back. */
export const resetVoteRound = () => commandApplied({ type: 'round.reset' })

/** Hides a card from participants (and from votes), or shows it again. */
export const setCardHiddenTo = (cardId: string, hidden: boolean) =>
  commandApplied({ type: 'card.hide', cardId, hidden })

/** Merges one card into another: the text joins the target, the dots follow, the source goes away. */
export const mergeCardInto = (sourceId: string, targetId: string) =>
  commandApplied({ type: 'card.merge', sourceId, targetId })

/** Removes a participant: their access stops working, their cards stay. */
export const removeParticipant = (participantId: string) =>
  commandApplied({ type: 'participant.remove', participantId })

/** Sets what the projector shows. */
export const showOnProjector = (target: FollowTarget) => commandApplied({ type: 'projector.follow', target })
