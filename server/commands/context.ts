import type { Command, CommandError, CommandType } from '../../shared/commands'
import type { Logger } from '../log'
import type { VoteStore, WorkshopRegistry } from '../persistence/types'
import type { Peer } from '../rooms/bus'
import type { Room } from '../rooms/Room'
import type { RoomVoting } from './roomVoting'

/** What every command handler gets: the room, who sent the command, and the server's stores. */

export interface CommandDeps {
  registry: WorkshopRegistry
  votes: VoteStore
  log: Logger
  /** The server clock (tests of the timer may pass another). */
  now?: () => number
  /** How often a room voting at once gets its voter count written (roomVoting.ts; tests may lengthen it). */
  voterCountEveryMs?: number | undefined
}

export interface CommandContext {
  room: Room
  /** The sender's connection: its participant id and role come from its credential, never from the message. */
  peer: Peer
  voting: RoomVoting
  deps: CommandDeps
  now: number
}

/** A refusal may explain itself: `message` for people (French), `details` for the client to show it its own way. */
export type Outcome =
  { ok: true; data?: unknown } | { ok: false; error: CommandError; message?: string; details?: unknown }

export const done = (data?: unknown): Outcome => (data === undefined ? { ok: true } : { ok: true, data })
export const refuse = (error: CommandError, message?: string, details?: unknown): Outcome => ({
  ok: false,
  error,
  ...(message === undefined ? {} : { message }),
  ...(details === undefined ? {} : { details }),
})

export type Handler<K extends CommandType> = (
  ctx: CommandContext,
  command: Extract<Command, { type: K }>,
) => Promise<Outcome> | Outcome

/** Commands that do not go through a handler of their own: votes run in batches (see votes.ts). */
export type BatchedCommandType = 'vote.add' | 'vote.remove'

/** One handler per command type; each group module provides a part of this table. */
export type Handlers = { [K in Exclude<CommandType, BatchedCommandType>]: Handler<K> }
