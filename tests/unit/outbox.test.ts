import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { createLogger } from '../../server/log'
import { Metrics } from '../../server/metrics'
import { Connection } from '../../server/ws/Connection'
import { FrameWriter } from '../../server/ws/frames'
import { afterMicrotasks, Outbox } from '../../server/ws/outbox'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('afterMicrotasks', () => {
  it('runs once the whole microtask queue is empty, promise chains included', async () => {
    const order: string[] = []
    await new Promise<void>((resolve) => {
      afterMicrotasks(() => {
        order.push('after')
        resolve()
      })
      const chain = async () => {
        for (let hop = 0; hop < 5; hop++) await Promise.resolve()
        order.push('chain')
      }
      void chain()
      queueMicrotask(() => order.push('microtask'))
      process.nextTick(() => order.push('tick'))
    })
    expect(order).toHaveLength(4)
    expect(order.at(-1)).toBe('after')
  })
})

describe('Outbox', () => {
  it('flushes each waiting target once per scheduled flush', () => {
    const scheduled: Array<() => void> = []
    const outbox = new Outbox((flush) => scheduled.push(flush))
    const flushed: string[] = []
    const a = { flush: () => flushed.push('a'), fail: () => {} }
    const b = { flush: () => flushed.push('b'), fail: () => {} }
    outbox.add(a)
    outbox.add(b)
    expect(scheduled).toHaveLength(1)
    scheduled[0]?.()
    expect(flushed).toEqual(['a', 'b'])
    outbox.add(a)
    expect(scheduled).toHaveLength(2)
  })

  it('hands a failing target its error and still flushes the targets after it', () => {
    const scheduled: Array<() => void> = []
    const outbox = new Outbox((flush) => scheduled.push(flush))
    const flushed: string[] = []
    const failures: unknown[] = []
    const broken = new Error('socket gone')
    const failing = {
      flush: () => {
        throw broken
      },
      fail: (error: unknown) => failures.push(error),
    }
    outbox.add(failing)
    outbox.add({ flush: () => flushed.push('next'), fail: () => failures.push('wrong target') })
    expect(() => scheduled[0]?.()).not.toThrow()
    expect(failures).toEqual([broken])
    expect(flushed).toEqual(['next'])
  })
})

interface Scene {
  connection: Connection
  /** Calls of the server socket's write. */
  writes: () => number
  received: string[]
  closed: Promise<number>
  /** What the server logged, one JSON line each. */
  logged: string[]
}

describe('a connection sent several messages during one event', () => {
  let server: Server | null = null
  let metrics: Metrics | null = null
  let client: WebSocket | null = null
  afterEach(async () => {
    metrics?.stop()
    client?.terminate()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  async function scene(options: { failWrites?: boolean } = {}): Promise<Scene> {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
    const logged: string[] = []
    const serverMetrics = (metrics = new Metrics())
    server = createServer()
    const connected = new Promise<{ connection: Connection; writes: () => number }>((resolve) =>
      server?.on('upgrade', (req, socket: Duplex, head) =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          let writes = 0
          const write = socket.write.bind(socket) as (...args: unknown[]) => boolean
          socket.write = ((...args: unknown[]) => {
            writes++
            if (options.failWrites) throw new Error('write refused')
            return write(...args)
          }) as typeof socket.write
          const connection = new Connection(ws, socket, 'w1', 'p1', 'participant', {
            log: createLogger('warn', (line) => logged.push(line)),
            metrics: serverMetrics,
            maxBufferedBytes: 1 << 20,
            frames: new FrameWriter(),
            outbox: new Outbox(),
          })
          resolve({ connection, writes: () => writes })
        }),
      ),
    )
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const socket = (client = new WebSocket(`ws://127.0.0.1:${port}`))
    const received: string[] = []
    socket.on('message', (data: Buffer) => received.push(data.toString()))
    const closed = new Promise<number>((resolve) => socket.on('close', resolve))
    await new Promise((resolve) => socket.on('open', resolve))
    return { ...(await connected), received, closed, logged }
  }

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  it('writes them to the socket once, in order, when the event is done', async () => {
    const { connection, writes, received } = await scene()
    const before = writes()
    connection.send(bytes('one'))
    connection.send(bytes('two'))
    await Promise.resolve()
    connection.send(bytes('three'))
    expect(writes()).toBe(before)
    await until(() => received.length === 3)
    expect(received).toEqual(['one', 'two', 'three'])
    expect(writes()).toBe(before + 1)
    connection.send(bytes('four'))
    await until(() => received.length === 4)
    expect(writes()).toBe(before + 2)
  })

  it('writes what it was sent before its close frame, and nothing after', async () => {
    const { connection, received, closed } = await scene()
    connection.send(bytes('last words'))
    connection.close(4000, 'bye')
    connection.send(bytes('too late'))
    expect(await closed).toBe(4000)
    expect(received).toEqual(['last words'])
  })

  it('drops its socket, and says so, when a write throws', async () => {
    const { connection, received, closed, logged } = await scene({ failWrites: true })
    connection.send(bytes('lost'))
    // No close frame could be written: the client sees the socket end (1006, abnormal closure).
    expect(await closed).toBe(1006)
    expect(received).toEqual([])
    expect(connection.isOpen).toBe(false)
    expect(logged.some((line) => line.includes('connection_write_failed'))).toBe(true)
  })
})
