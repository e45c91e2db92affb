import { vi } from 'vitest'

/** What a fake route answers: a status and a JSON body. */
export interface FakeAnswer {
  status: number
  body?: unknown
}

export interface FakeRequest {
  method: string
  path: string
  body: unknown
  headers: Record<string, string>
}

type Handler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>

/**
 * Replaces `fetch` (the boundary between the client and the server) with routes answering like the Loupe server.
 * Unknown routes answer 404 not_found; every request is recorded.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: FakeRequest[] = []
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const path = String(input)
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>))
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    const request = { method, path, body, headers }
    requests.push(request)
    const handler = routes[`${method} ${path}`]
    const answer = handler
      ? await handler(request)
      : { status: 404, body: { error: 'not_found', message: 'Not found' } }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchStub)
  return { requests, fetch: fetchStub }
}
