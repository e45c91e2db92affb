import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_COMMAND, MESSAGE_REPLY, type Command, type Reply } from '../../shared/commands'
import type { TestClient } from './clients'
import { waitFor } from './waitFor'

/** Commands over a real client's websocket, and the replies the server sends back (results, ballots, clock). */

export type ResultReply = Extract<Reply, { kind: 'result' }>
export type BallotReply = Extract<Reply, { kind: 'ballot' }>

/** A command frame as a client sends it: type 100, then `{ id, command }` as one string. */
export function commandFrame(id: number, command: Command | Record<string, unknown>): Uint8Array {
  return textFrame(JSON.stringify({ id, command }))
}

/** A command frame carrying any text (for malformed commands). */
export function textFrame(text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_COMMAND)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

/** The reply a frame carries, or null when it is another kind of message. */
export function replyOf(frame: Uint8Array): Reply | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_REPLY) return null
  return JSON.parse(decoding.readVarString(decoder)) as Reply
}

export interface Commander {
  /** Every reply received since `commander` was called, in order. */
  replies: Reply[]
  /** Sends a command (or anything shaped like one) and resolves with its result. */
  send(command: Command | Record<string, unknown>): Promise<ResultReply>
  /** Sends any command text; resolves with the next result whose id is `expectId`. */
  sendText(text: string, expectId: number): Promise<ResultReply>
  ballots(): BallotReply[]
  /** The newest ballot the server sent this client, or null. */
  lastBallot(): BallotReply | null
}

type ProviderWithHandlers = WebsocketProvider & {
  messageHandlers: Array<(encoder: encoding.Encoder, decoder: decoding.Decoder) => void>
}

let nextId = 1

/** Lets a test client send commands, as the web app does: a reply handler registered on its provider. */
export function commander(client: TestClient): Commander {
  const replies: Reply[] = []
  const provider = client.provider as ProviderWithHandlers
  provider.messageHandlers[MESSAGE_REPLY] = (_encoder, decoder) => {
    replies.push(JSON.parse(decoding.readVarString(decoder)) as Reply)
  }

  async function sendFrame(frame: Uint8Array, id: number): Promise<ResultReply> {
    await waitFor(() => provider.wsconnected && provider.ws !== null)
    provider.ws?.send(frame)
    return waitFor(() => replies.find((r): r is ResultReply => r.kind === 'result' && r.id === id) ?? false)
  }

  return {
    replies,
    send(command) {
      const id = nextId++
      return sendFrame(commandFrame(id, command), id)
    },
    sendText: (text, expectId) => sendFrame(textFrame(text), expectId),
    ballots: () => replies.filter((r): r is BallotReply => r.kind === 'ballot'),
    lastBallot() {
      const ballots = replies.filter((r): r is BallotReply => r.kind === 'ballot')
      return ballots[ballots.length - 1] ?? null
    },
  }
}

/** Every frame the server sends this client from now on, across reconnections. */
export function recordFrames(client: TestClient): Uint8Array[] {
  const frames: Uint8Array[] = []
  const listen = (ws: WebSocket | null) =>
    ws?.addEventListener('message', (event: MessageEvent) =>
      frames.push(new Uint8Array(event.data as ArrayBuffer)),
    )
  listen(client.provider.ws)
  client.provider.on('status', ({ status }) => {
    if (status === 'connecting') listen(client.provider.ws)
  })
  return frames
}

/** Sends a command and fails the test unless the server accepted it. */
export async function expectOk(commands: Commander, command: Command): Promise<ResultReply> {
  const result = await commands.send(command)
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error}`)
  return result
}
