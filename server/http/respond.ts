import type { ServerResponse } from 'node:http'
import type { ApiErrorCode } from '../../shared/protocol'

/** An error a handler throws on purpose: it becomes a JSON `{ error, message }` response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ')

/** Headers every response carries, whatever route answers it. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  // API answers depend on live state and some carry credentials: never cache them.
  res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(res, status, { error: code, message })
}
