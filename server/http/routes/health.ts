import type { RoomManager } from '../../rooms/RoomManager'
import { sendJson } from '../respond'
import type { Router } from '../router'

/** Liveness plus the two numbers an operator watches: loaded workshops and open connections. */
export function addHealthRoutes(router: Router, rooms: RoomManager): void {
  router.add('GET', '/healthz', ({ res }) => {
    sendJson(res, 200, { status: 'ok', workshops: rooms.size, connections: rooms.connectionCount() })
  })
}
