import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import {
  MESSAGE_COMMAND,
  MESSAGE_REPLY,
  type Command,
  type CommandError,
  type Reply,
} from '../../shared/commands'
import { ClockEstimate, type ClockReading } from './clock'

/** The server's answer to a command: applied (with its data), or refused with a reason. Nothing changed then. */
export type CommandResult = { ok: true; data?: unknown } | { ok: false; error: CommandError }

/** The sender's own ballot in the current round, as the server sends it after each change. */
export type BallotReply = Extract<Reply, { kind: 'ballot' }>

/** Sends one command and resolves with the server's answer; rejects with a CommandFailure when none can come. */
export type CommandSender = (command: Command) => Promise<CommandResult>

export type CommandFailureReason = 'offline' | 'disconnected' | 'timeout'

/** A command that got no answer: never sent (offline), connection lost before the answer, or no answer in time. */
export class CommandFailure extends Error {
  constructor(
    readonly reason: CommandFailureReason,
    readonly commandType: Command['type'],
  ) {
    super(
      reason === 'timeout'
        ? `${commandType}: no answer from the server within ${COMMAND_TIMEOUT_MS / 1000} s`
        : reason === 'disconnected'
          ? `${commandType}: the connection closed before the server answered`
          : `${commandType}: not connected to the server, the command was not sent`,
    )
    this.name = 'CommandFailure'
  }
}

export const COMMAND_TIMEOUT_MS = 5000
export const CLOCK_PING_EVERY_MS = 30_000

export interface CommandChannelOptions {
  /** Called with each ballot the server sends this person. */
  onBallot?: (ballot: BallotReply) => void
  /** Called when the best estimate of the server clock changes. */
  onClock?: (reading: ClockReading) => void
  /** Called each time the socket (re)opens, after the clock ping went out, with the channel's sender. */
  onConnect?: (send: CommandSender) => void
  timeoutMs?: number
  pingEveryMs?: number
  now?: () => number
}

export interface CommandChannel {
  send: CommandSender
  /** Stops listening and rejects whatever is still waiting for an answer. */
  destroy(): void
}

type ProviderWithHandlers = WebsocketProvider & {
  messageHandlers: Array<(encoder: encoding.Encoder, decoder: decoding.Decoder) => void>
}

interface Pending {
  type: Command['type']
  resolve: (result: CommandResult) => void
  reject: (failure: CommandFailure) => void
  timer: ReturnType<typeof setTimeout>
}

/** A command frame: MESSAGE_COMMAND, then `{ id, command }` as one string. */
export function encodeCommand(id: number, command: Command): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_COMMAND)
  encoding.writeVarString(encoder, JSON.stringify({ id, command }))
  return encoding.toUint8Array(encoder)
}

function parseReply(text: string): Reply | null {
  try {
    const reply = JSON.parse(text) as Partial<Reply> | null
    if (reply?.kind === 'result' && typeof reply.id === 'number' && typeof reply.ok === 'boolean')
      return reply as Reply
    if (reply?.kind === 'ballot' && typeof reply.ballot === 'object' && reply.ballot !== null)
      return reply as Reply
    if (reply?.kind === 'clock' && typeof reply.sentAt === 'number' && typeof reply.serverTime === 'number')
      return reply as Reply
  } catch {
    // Not JSON: ignored, like any message the client does not understand.
  }
  return null
}

/**
 * Commands over a y-websocket provider's socket (PROTOCOL.md, types 100 and 101): sends them with an id, matches
 * the replies, receives this person's ballot, and keeps the server clock's offset from regular pings.
 */
export function openCommandChannel(
  provider: WebsocketProvider,
  options: CommandChannelOptions = {},
): CommandChannel {
  const { timeoutMs = COMMAND_TIMEOUT_MS, pingEveryMs = CLOCK_PING_EVERY_MS, now = Date.now } = options
  const pending = new Map<number, Pending>()
  const clock = new ClockEstimate()
  let nextId = 1
  let destroyed = false

  const failAll = (reason: CommandFailureReason) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer)
      pending.delete(id)
      entry.reject(new CommandFailure(reason, entry.type))
    }
  }

  const onReply = (reply: Reply) => {
    if (reply.kind === 'ballot') return options.onBallot?.(reply)
    if (reply.kind === 'clock') return options.onClock?.(clock.add(reply.sentAt, reply.serverTime, now()))
    const entry = pending.get(reply.id)
    if (!entry) return
    pending.delete(reply.id)
    clearTimeout(entry.timer)
    entry.resolve(reply.ok ? { ok: true, data: reply.data } : { ok: false, error: reply.error })
  }

  ;(provider as ProviderWithHandlers).messageHandlers[MESSAGE_REPLY] = (_encoder, decoder) => {
    const reply = parseReply(decoding.readVarString(decoder))
    if (reply && !destroyed) onReply(reply)
  }

  const send: CommandSender = (command) => {
    const ws = provider.ws
    if (destroyed || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN)
      return Promise.reject(new CommandFailure('offline', command.type))
    const id = nextId++
    return new Promise<CommandResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new CommandFailure('timeout', command.type))
      }, timeoutMs)
      pending.set(id, { type: command.type, resolve, reject, timer })
      ws.send(encodeCommand(id, command))
    })
  }

  const ping = () => {
    // The answer arrives as a 'clock' reply (handled above); its result needs no one.
    send({ type: 'clock.ping', sentAt: now() }).catch(() => undefined)
  }

  let pinger: ReturnType<typeof setInterval> | null = null
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') {
      ping()
      pinger ??= setInterval(ping, pingEveryMs)
      options.onConnect?.(send)
    } else if (status === 'disconnected') {
      if (pinger) clearInterval(pinger)
      pinger = null
      failAll('disconnected')
    }
  }
  provider.on('status', onStatus)
  if (provider.wsconnected) onStatus({ status: 'connected' })

  return {
    send,
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.off('status', onStatus)
      if (pinger) clearInterval(pinger)
      failAll('disconnected')
    },
  }
}
