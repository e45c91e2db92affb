import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebSocket } from 'ws'
import { KEEPALIVE_TURNS, startKeepalive, type Keepalive } from '../../server/ws/keepalive'

const PERIOD = 1000

/** A socket as the keepalive sees it: pings counted, pongs and closes emitted by the test. */
class FakeSocket extends EventEmitter {
  pings = 0
  ping(): void {
    this.pings++
  }
  /** The other end answers each ping at once. */
  answering(): this {
    const ping = this.ping.bind(this)
    this.ping = () => {
      ping()
      this.emit('pong')
    }
    return this
  }
}

const asWs = (socket: FakeSocket) => socket as unknown as WebSocket

let keepalive: Keepalive | null = null
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  keepalive?.stop()
  keepalive = null
  vi.useRealTimers()
})

describe('keepalive', () => {
  it('pings every socket once per period, a tenth of them at a time', () => {
    const dead: WebSocket[] = []
    keepalive = startKeepalive(PERIOD, (ws) => dead.push(ws))
    const sockets = Array.from({ length: 1500 }, () => new FakeSocket().answering())
    for (const socket of sockets) keepalive.watch(asWs(socket))

    const pingsAt = () => sockets.reduce((n, s) => n + s.pings, 0)
    for (let turn = 1; turn <= KEEPALIVE_TURNS; turn++) {
      const before = pingsAt()
      vi.advanceTimersByTime(PERIOD / KEEPALIVE_TURNS)
      expect(pingsAt() - before).toBe(1500 / KEEPALIVE_TURNS)
    }
    expect(sockets.every((s) => s.pings === 1)).toBe(true)
    vi.advanceTimersByTime(PERIOD)
    expect(sockets.every((s) => s.pings === 2)).toBe(true)
    expect(dead).toEqual([])
  })

  it('drops a socket that left a ping unanswered for a period, and only that one', () => {
    const dead: WebSocket[] = []
    keepalive = startKeepalive(PERIOD, (ws) => dead.push(ws))
    const silent = new FakeSocket()
    const answering = new FakeSocket().answering()
    keepalive.watch(asWs(silent))
    keepalive.watch(asWs(answering))

    vi.advanceTimersByTime(PERIOD)
    expect(silent.pings).toBe(1)
    expect(dead).toEqual([])
    vi.advanceTimersByTime(PERIOD)
    expect(dead).toEqual([asWs(silent)])
    // Dropped once: it is no longer watched.
    vi.advanceTimersByTime(3 * PERIOD)
    expect(dead).toEqual([asWs(silent)])
    expect(silent.pings).toBe(1)
    expect(answering.pings).toBe(5)
  })

  it('forgets a socket once it closed', () => {
    const dead: WebSocket[] = []
    keepalive = startKeepalive(PERIOD, (ws) => dead.push(ws))
    const socket = new FakeSocket()
    keepalive.watch(asWs(socket))
    socket.emit('close')
    vi.advanceTimersByTime(3 * PERIOD)
    expect(socket.pings).toBe(0)
    expect(dead).toEqual([])
  })
})
