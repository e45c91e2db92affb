import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_COMMAND, MESSAGE_REPLY, type Command, type Reply } from '../../shared/commands'
import type { BenchClient } from './client'

/** Loupe's refereed commands (votes, phases, rounds) over a benchmark client's websocket. */

type ResultReply = Extract<Reply, { kind: 'result' }>

export class CommandChannel {
  private nextId = 1
  private readonly waiting = new Map<number, (reply: ResultReply) => void>()
  /** Times at which each reply arrived, by command id. */
  readonly repliedAt = new Map<number, number>()
  private pong: ((reply: Reply) => void) | null = null

  constructor(private readonly client: BenchClient) {
    client.provider.messageHandlers[MESSAGE_REPLY] = (_encoder, decoder) => {
      const reply = JSON.parse(decoding.readVarString(decoder)) as Reply
      if (reply.kind === 'clock') this.pong?.(reply)
      if (reply.kind !== 'result') return
      this.repliedAt.set(reply.id, performance.now())
      this.waiting.get(reply.id)?.(reply)
      this.waiting.delete(reply.id)
    }
  }

  /** Sends a command; resolves with the server's answer (or rejects after `timeoutMs`). */
  send(command: Command, timeoutMs = 10_000): Promise<ResultReply> {
    const id = this.nextId++
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_COMMAND)
    encoding.writeVarString(encoder, JSON.stringify({ id, command }))
    const ws = this.client.provider.ws
    if (!ws || ws.readyState !== ws.OPEN) return Promise.reject(new Error('not connected'))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`no answer to ${command.type} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(id, (reply) => {
        clearTimeout(timer)
        resolve(reply)
      })
      ws.send(encoding.toUint8Array(encoder))
    })
  }

  /** Whether the server answers commands at all: a clock ping, answered within `timeoutMs`. */
  async answers(timeoutMs = 2000): Promise<boolean> {
    const ws = this.client.provider.ws
    if (!ws) return false
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_COMMAND)
    encoding.writeVarString(
      encoder,
      JSON.stringify({ id: 0, command: { type: 'clock.ping', sentAt: Date.now() } }),
    )
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      this.pong = () => {
        clearTimeout(timer)
        resolve(true)
      }
    })
    ws.send(encoding.toUint8Array(encoder))
    return answered
  }
}
