import { setTimer } from '../../shared/ops'
import { readControl } from '../../shared/doc'
import {
  IDLE_TIMER,
  addMinute,
  pauseTimer,
  resumeTimer,
  startTimer,
  type TimerState,
} from '../../shared/timer'
import { done, type CommandContext, type Handlers } from './context'

/** The facilitator's countdown, always in the server's clock so every screen agrees. */

async function retime(ctx: CommandContext, next: (current: TimerState, now: number) => TimerState) {
  await ctx.room.change((doc) => setTimer(doc, next(readControl(doc).timer, ctx.now)))
  return done()
}

export const timerHandlers = {
  'timer.start': (ctx, { durationMs }) => retime(ctx, (_current, now) => startTimer(now, durationMs)),
  'timer.pause': (ctx) => retime(ctx, pauseTimer),
  'timer.resume': (ctx) => retime(ctx, resumeTimer),
  'timer.addMinute': (ctx) => retime(ctx, addMinute),
  'timer.stop': (ctx) => retime(ctx, () => IDLE_TIMER),
} satisfies Pick<Handlers, 'timer.start' | 'timer.pause' | 'timer.resume' | 'timer.addMinute' | 'timer.stop'>
