import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame, frameHeader, FrameWriter, MAX_COPIED_BYTES, writeChunks } from '../../server/ws/frames'

/** ws's own framer, which its types leave out: the reference for what a frame must look like. */
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] }
}
const wsFrame = (payload: Buffer) =>
  Buffer.concat(Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }))

const payloadOf = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7) % 256))

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 70_000])('frames %i bytes as ws does', (length) => {
    const payload = payloadOf(length)
    expect(binaryFrame(payload).equals(wsFrame(payload))).toBe(true)
  })

  it.each([0, 125, 126, 65_535, 65_536])('heads %i bytes as ws does', (length) => {
    const framed = wsFrame(payloadOf(length))
    expect(frameHeader(length).equals(framed.subarray(0, framed.byteLength - length))).toBe(true)
  })

  it('frames a view into a larger buffer from its own bytes only', () => {
    const backing = payloadOf(300)
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 100, 150)
    expect(binaryFrame(view).equals(wsFrame(Buffer.from(view)))).toBe(true)
  })
})

describe('FrameWriter', () => {
  it('frames a message handed in again only once, and a different one anew', () => {
    const frames = new FrameWriter()
    const first = payloadOf(10)
    const framed = frames.frameOf(first)
    expect(frames.frameOf(first)).toBe(framed)
    const second = payloadOf(10)
    const reframed = frames.frameOf(second)
    expect(reframed).not.toBe(framed)
    expect(reframed.equals(framed)).toBe(true)
  })
})

describe('writeChunks', () => {
  it('writes several frames with one call, copied together when small and corked when large', () => {
    const calls: string[] = []
    const socket = {
      write: (chunk: Uint8Array) => calls.push(`write ${chunk.byteLength}`),
      cork: () => calls.push('cork'),
      uncork: () => calls.push('uncork'),
    } as unknown as Duplex
    const frames = new FrameWriter()
    const chunksOf = (...lengths: number[]) => {
      const chunks: Uint8Array[] = []
      for (const length of lengths) frames.append(chunks, payloadOf(length))
      return chunks
    }
    writeChunks(socket, chunksOf(10))
    writeChunks(socket, chunksOf(10, 200))
    writeChunks(socket, chunksOf(10, MAX_COPIED_BYTES + 1))
    expect(calls).toEqual([
      'write 12',
      'write 216',
      'cork',
      'write 12',
      'write 4',
      `write ${MAX_COPIED_BYTES + 1}`,
      'uncork',
    ])
  })
})

describe('frames written beside ws', () => {
  let server: Server | null = null
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  it('reach a ws client whole and in order among the frames ws writes itself', async () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
    server = createServer()
    server.on('upgrade', (req, socket: Duplex, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        const frames = new FrameWriter()
        // Each call one write, as a connection flushes what it was sent during one event.
        const write = (...lengths: number[]) => {
          const chunks: Uint8Array[] = []
          for (const length of lengths) frames.append(chunks, payloadOf(length))
          writeChunks(socket, chunks)
        }
        write(3)
        ws.ping()
        ws.send(payloadOf(200))
        write(0, 125, 126)
        write(MAX_COPIED_BYTES)
        write(MAX_COPIED_BYTES + 1)
        write(5, 70_000, 7)
        ws.send(payloadOf(1))
        write(MAX_COPIED_BYTES - 2, 1)
        ws.close(1000, 'done')
      }),
    )
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const client = new WebSocket(`ws://127.0.0.1:${port}`)
    const received: string[] = []
    client.on('message', (data: Buffer) => {
      const expected = payloadOf(data.byteLength)
      received.push(`${data.byteLength}${data.equals(expected) ? '' : ' corrupt'}`)
    })
    client.on('ping', () => received.push('ping'))
    const closeCode = await new Promise<number>((resolve) => client.on('close', resolve))
    wss.close()
    expect(received).toEqual([
      '3',
      'ping',
      '200',
      '0',
      '125',
      '126',
      String(MAX_COPIED_BYTES),
      String(MAX_COPIED_BYTES + 1),
      '5',
      '70000',
      '7',
      '1',
      String(MAX_COPIED_BYTES - 2),
      '1',
    ])
    expect(closeCode).toBe(1000)
  })
})
