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

const SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
]

/** Headers every response carries, whatever route answers it. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value)
}

/**
 * A whole error response as raw bytes, for sockets no request handler owns (a request Node could not parse, an
 * upgrade to nowhere): the same JSON error and security headers as any other answer, then the connection closes.
 */
export function rawErrorResponse(
  status: number,
  reason: string,
  code: ApiErrorCode,
  message: string,
): string {
  const body = JSON.stringify({ error: code, message })
  const headers = [
    `HTTP/1.1 ${status} ${reason}`,
    ...SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
  ]
  return `${headers.join('\r\n')}\r\n\r\n${body}`
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
