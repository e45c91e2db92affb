import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import { RoomUnavailable } from '../rooms/RoomManager'
import { requestUrl } from './requestUrl'
import { HttpError, sendError, setSecurityHeaders } from './respond'
import type { Router } from './router'

type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>

/** Turns the router and the static files into one request listener that never lets an error escape. */
export function createRequestHandler(
  router: Router,
  serveStatic: StaticHandler,
  log: Logger,
  metrics: Metrics,
) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    res.once('finish', () => metrics.responses.inc(String(res.statusCode)))
    const url = requestUrl(req.url)
    const method = req.method ?? 'GET'
    const match = router.match(method, url.pathname)
    if (match.kind === 'found') return match.handler({ req, res, params: match.params, url })
    if (match.kind === 'wrong_method') {
      res.setHeader('Allow', match.allowed.join(', '))
      return sendError(res, 405, 'invalid_input', `Use ${match.allowed.join(' or ')} here.`)
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      return sendError(res, 404, 'not_found', 'There is no such API endpoint.')
    }
    return serveStatic(req, res, url.pathname)
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // The rest of a body we refused is not worth reading.
        if (error.status === 413) res.setHeader('Connection', 'close')
        if (!res.headersSent) sendError(res, error.status, error.code, error.message)
        return
      }
      if (error instanceof RoomUnavailable) {
        log.warn('http_unavailable', { path: (req.url ?? '').split('?')[0], error: error.message })
        if (!res.headersSent) sendError(res, 503, 'internal', 'This workshop is unavailable right now.')
        return
      }
      // Only the path: query strings may carry credentials.
      log.error('http_failed', { method: req.method, path: (req.url ?? '').split('?')[0], error })
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong on the server.')
      else res.destroy()
    })
  }
}
