import type { Duplex } from 'node:stream'

/**
 * The server's binary websocket frames (RFC 6455, section 5.2), built once per message rather than once per
 * recipient. A room relays each change to every other connection of its workshop: ws would frame it again for each
 * and write header and payload as two chunks (a corked writev), which under load cost more in allocations and
 * collections than the frame header itself. Frames from a server are never masked (section 5.1).
 */

const FIN_BINARY = 0x82

/**
 * Past this size a payload is written after its header instead of being copied into one frame, and not remembered:
 * such messages (a newcomer's copy of a long workshop) go to one connection, and copying or keeping them alive
 * would cost more than a second write.
 */
export const MAX_COPIED_BYTES = 16 * 1024

const headerBytes = (length: number) => (length < 126 ? 2 : length < 65_536 ? 4 : 10)

function writeHeader(target: Buffer, length: number): void {
  target[0] = FIN_BINARY
  if (length < 126) {
    target[1] = length
  } else if (length < 65_536) {
    target[1] = 126
    target.writeUInt16BE(length, 2)
  } else {
    target[1] = 127
    target.writeBigUInt64BE(BigInt(length), 2)
  }
}

/** The frame header for a payload of `length` bytes. */
export function frameHeader(length: number): Buffer {
  const header = Buffer.allocUnsafe(headerBytes(length))
  writeHeader(header, length)
  return header
}

/** The whole frame, header and payload in one buffer, so that a connection writes it with a single write. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const offset = headerBytes(payload.byteLength)
  const frame = Buffer.allocUnsafe(offset + payload.byteLength)
  writeHeader(frame, payload.byteLength)
  frame.set(payload, offset)
  return frame
}

/**
 * Frames messages, remembering the frame of the message framed last: a broadcast hands the same message to each peer
 * of a room in turn, so all but the first find it framed. Keyed by identity, which is sound as long as nobody changes
 * a message and sends the same object again (every message is encoded afresh).
 */
export class FrameWriter {
  private payload: Uint8Array | null = null
  private frame: Buffer = Buffer.alloc(0)

  /** Adds the frame of `payload` to `chunks`: one buffer, or header then payload past MAX_COPIED_BYTES. */
  append(chunks: Uint8Array[], payload: Uint8Array): void {
    if (payload.byteLength > MAX_COPIED_BYTES) chunks.push(frameHeader(payload.byteLength), payload)
    else chunks.push(this.frameOf(payload))
  }

  frameOf(payload: Uint8Array): Buffer {
    if (payload !== this.payload) {
      this.frame = binaryFrame(payload)
      this.payload = payload
    }
    return this.frame
  }
}

/**
 * Writes frames to a socket in one system call: small ones copied into one buffer, larger ones corked (a writev),
 * so that a newcomer's copy of a long workshop is not copied again.
 */
export function writeChunks(socket: Duplex, chunks: readonly Uint8Array[]): void {
  if (chunks.length === 1) {
    socket.write(chunks[0])
    return
  }
  let total = 0
  for (const chunk of chunks) total += chunk.byteLength
  if (total <= MAX_COPIED_BYTES) {
    socket.write(Buffer.concat(chunks, total))
    return
  }
  socket.cork()
  for (const chunk of chunks) socket.write(chunk)
  socket.uncork()
}
