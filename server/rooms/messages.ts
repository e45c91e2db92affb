import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE_COMMAND, MESSAGE_REPLY, type Reply } from '../../shared/commands'
import { MESSAGE } from '../../shared/protocol'

/** y-websocket messages as the server reads them; anything else is malformed. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** A command's JSON text, or null when the frame does not even carry a string (it is answered, not closed). */
  | { kind: 'command'; json: string | null }

export class MalformedMessage extends Error {
  override name = 'MalformedMessage'
}

/** Parses one websocket frame; throws MalformedMessage on anything a y-websocket client would not send. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE.sync) {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload)
        return { kind: 'syncStep1', stateVector: payload }
      }
      // Step 2 and update carry the same thing: a Yjs update. Both go through the update pipeline.
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        return { kind: 'update', update: payload }
      }
      throw new MalformedMessage(`unknown sync step ${step}`)
    }
    if (type === MESSAGE.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    if (type === MESSAGE.queryAwareness) return { kind: 'queryAwareness' }
    if (type === MESSAGE_COMMAND) return { kind: 'command', json: readString(decoder) }
    throw new MalformedMessage(`unknown message type ${type}`)
  } catch (error) {
    if (error instanceof MalformedMessage) throw error
    throw new MalformedMessage(error instanceof Error ? error.message : 'undecodable message')
  }
}

function readString(decoder: decoding.Decoder): string | null {
  try {
    return decoding.readVarString(decoder)
  } catch {
    return null
  }
}

/** Fully decodes a client's Yjs update without touching any document; true when it changes nothing. */
export function inspectUpdate(update: Uint8Array): { empty: boolean } {
  try {
    const decoded = Y.decodeUpdate(update)
    return { empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 }
  } catch (error) {
    throw new MalformedMessage(error instanceof Error ? error.message : 'undecodable update')
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]))
  return encoding.toUint8Array(encoder)
}

/** A reply frame (command result, private ballot, clock reading) for one connection. */
export function encodeReply(reply: Reply): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_REPLY)
  encoding.writeVarString(encoder, JSON.stringify(reply))
  return encoding.toUint8Array(encoder)
}
