import type { ServerLimits } from '../../limits'
import type { Metrics } from '../../metrics'
import type { RoomManager } from '../../rooms/RoomManager'
import type { Router } from '../router'

/** GET /metrics: counts only (no names, no ids, no credentials), in the Prometheus text format. */
export function addMetricsRoutes(
  router: Router,
  metrics: Metrics,
  rooms: RoomManager,
  limits: ServerLimits,
): void {
  router.add('GET', '/metrics', ({ req, res }) => {
    const text = metrics.render({
      connections: rooms.connectionCount(),
      workshopsLoaded: rooms.size,
      limits: { ...limits },
    })
    res.statusCode = 200
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(text))
    res.setHeader('Cache-Control', 'no-store')
    res.end(req.method === 'HEAD' ? undefined : text)
  })
}
