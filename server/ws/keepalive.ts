import type { WebSocket } from 'ws'

/** Turns per period: each socket is pinged on its own turn, never all of them in one task. */
export const KEEPALIVE_TURNS = 10

export interface Keepalive {
  /** Pings `ws` once per period from now on; drops it if a ping went unanswered for a whole period. */
  watch(ws: WebSocket): void
  stop(): void
}

/**
 * Finds sockets whose other end went away without closing them (a laptop lid closed, a network dropped). Pinging
 * every socket at once would write 1,500 frames in one task at full load (25 ms on an idle machine), in which no edit
 * is relayed; here the sockets take turns, a tenth of them every tenth of the period, each still pinged once per
 * period.
 */
export function startKeepalive(periodMs: number, onDead: (ws: WebSocket) => void): Keepalive {
  const turns: Array<Set<WebSocket>> = Array.from({ length: KEEPALIVE_TURNS }, () => new Set())
  const answered = new WeakMap<WebSocket, boolean>()
  let nextTurn = 0
  let joining = 0

  const timer = setInterval(
    () => {
      const turn = turns[nextTurn]
      nextTurn = (nextTurn + 1) % KEEPALIVE_TURNS
      if (!turn) return
      for (const ws of turn) {
        if (answered.get(ws) === false) {
          turn.delete(ws)
          onDead(ws)
          continue
        }
        answered.set(ws, false)
        ws.ping()
      }
    },
    Math.max(1, Math.round(periodMs / KEEPALIVE_TURNS)),
  )
  timer.unref()

  return {
    watch(ws) {
      const turn = turns[joining]
      joining = (joining + 1) % KEEPALIVE_TURNS
      if (!turn) return
      turn.add(ws)
      answered.set(ws, true)
      ws.on('pong', () => answered.set(ws, true))
      ws.once('close', () => turn.delete(ws))
    },
    stop() {
      clearInterval(timer)
    },
  }
}
