/**
 * The server's binary websocket frames (RFC 6455, section 5.2), built once per message rather than once per
 * recipient. A room relays each change to every other connection of its workshop: ws would frame it again for each
 * and write header and payload as two chunks (a corked writev), which under load cost more in allocations and
 * collections than the frame header itself. Frames from a server are never masked (section 5.1).
 */

const FIN_BINARY = 0x82

/** The whole frame, header and payload in one buffer, so that a connection writes it with a single write. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = FIN_BINARY
  if (length < 126) {
    frame[1] = length
  } else if (length < 65_536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerBytes)
  return frame
}

/**
 * Remembers the frame of the message framed last: a broadcast hands the same message to each peer of a room in
 * turn, so all but the first find it framed. Keyed by identity, which is sound because a message is never changed
 * once sent (a socket may still hold it, unwritten, long after).
 */
export class FrameCache {
  private payload: Uint8Array | null = null
  private frame: Buffer = Buffer.alloc(0)

  frameOf(payload: Uint8Array): Buffer {
    if (payload !== this.payload) {
      this.frame = binaryFrame(payload)
      this.payload = payload
    }
    return this.frame
  }
}
