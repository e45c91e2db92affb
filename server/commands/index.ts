import {
  isFacilitatorCommand,
  parseCommandEnvelope,
  type Command,
  type CommandEnvelope,
} from '../../shared/commands'
import { CLOSE } from '../../shared/protocol'
import type { Peer } from '../rooms/bus'
import { encodeReply } from '../rooms/messages'
import type { Room } from '../rooms/Room'
import { answerClockPing } from './clock'
import type { CommandContext, CommandDeps, Handlers, Outcome } from './context'
import { CommandQueue } from './queue'
import { facilitationHandlers } from './facilitation'
import { indicatorHandlers } from './indicators'
import { moderationHandlers } from './moderation'
import { RoomVoting } from './roomVoting'
import { roundHandlers } from './rounds'
import { timerHandlers } from './timer'
import { castVotes, voteHandlers, type VoteRequest } from './votes'

export type { CommandDeps } from './context'

/** Commands one connection may have waiting at once; a client flooding the queue is disconnected instead. */
export const MAX_PENDING_COMMANDS = 100

const HANDLERS: Handlers = {
  ...voteHandlers,
  ...roundHandlers,
  ...facilitationHandlers,
  ...timerHandlers,
  ...moderationHandlers,
  ...indicatorHandlers,
  // Answered before the queue (see handle); never reached.
  'clock.ping': () => ({ ok: true }),
}

/** What the commands of one room share: its votes and the queue they all run in. */
interface RoomState {
  voting: RoomVoting
  queue: CommandQueue<Outcome, VoteRequest>
}

/** Handles the command messages (type 100) of connected clients. */
export interface CommandHandler {
  /** `json` is the message's text, or null when the frame carried none. Never throws; answers every command. */
  handle(room: Room, peer: Peer, json: string | null): void
}

export function createCommandHandler(deps: CommandDeps): CommandHandler {
  const now = deps.now ?? Date.now
  const roomStates = new WeakMap<Room, RoomState>()
  const pending = new WeakMap<Peer, number>()

  function stateOf(room: Room): RoomState {
    let state = roomStates.get(room)
    if (!state) {
      const voting = new RoomVoting(room, deps.votes, deps.log, deps.voterCountEveryMs)
      const queue = new CommandQueue<Outcome, VoteRequest>((votes) => castVotes(room, voting, votes))
      roomStates.set(room, (state = { voting, queue }))
    }
    return state
  }

  function answer(peer: Peer, id: number, outcome: Outcome): void {
    peer.send(encodeReply({ kind: 'result', id, ...outcome }))
  }

  function run(room: Room, peer: Peer, { id, command }: CommandEnvelope): void {
    const waiting = pending.get(peer) ?? 0
    if (waiting >= MAX_PENDING_COMMANDS) return peer.close(CLOSE.rateLimited, 'too many commands')
    pending.set(peer, waiting + 1)
    const { voting, queue } = stateOf(room)
    const answered =
      command.type === 'vote.add' || command.type === 'vote.remove'
        ? queue.batched({ peer, itemId: command.itemId, delta: command.type === 'vote.add' ? 1 : -1 })
        : queue.run(() => {
            // A connection closed meanwhile (removed, refused, gone) no longer speaks for anyone.
            if (!peer.isOpen || room.gone) return null
            const ctx: CommandContext = { room, peer, voting, deps, now: now() }
            const handler = HANDLERS[command.type] as (
              ctx: CommandContext,
              command: Command,
            ) => Promise<Outcome> | Outcome
            return handler(ctx, command)
          })
    answered.then(
      (outcome) => {
        pending.set(peer, (pending.get(peer) ?? 1) - 1)
        if (outcome) answer(peer, id, outcome)
      },
      (error: unknown) => {
        pending.set(peer, (pending.get(peer) ?? 1) - 1)
        // A store that cannot write fails the room, as a failed document write does: clients come back later.
        deps.log.error('command_failed', {
          workshopId: room.workshopId,
          participantId: peer.participantId,
          type: command.type,
          error,
        })
        room.fail(error)
      },
    )
  }

  return {
    handle(room, peer, json) {
      const envelope = json === null ? null : parseCommandEnvelope(json)
      if (!envelope) {
        deps.log.info('command_malformed', { workshopId: room.workshopId, participantId: peer.participantId })
        return answer(peer, idOf(json), { ok: false, error: 'malformed' })
      }
      const { id, command } = envelope
      // The projector only watches; reading the server clock is all it may ask.
      const allowed =
        command.type === 'clock.ping' ||
        (peer.role !== 'projector' && (peer.role === 'facilitator' || !isFacilitatorCommand(command.type)))
      if (!allowed) {
        deps.log.info('command_forbidden', {
          workshopId: room.workshopId,
          participantId: peer.participantId,
          role: peer.role,
          type: command.type,
        })
        return answer(peer, id, { ok: false, error: 'forbidden' })
      }
      if (command.type === 'clock.ping') return answerClockPing(peer, id, command.sentAt, now())
      run(room, peer, envelope)
    },
  }
}

/** The id of a command that did not parse, when it has a usable one; -1 otherwise. */
function idOf(json: string | null): number {
  try {
    const raw = json === null ? null : (JSON.parse(json) as unknown)
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
    return Number.isSafeInteger(id) ? (id as number) : -1
  } catch {
    return -1
  }
}
