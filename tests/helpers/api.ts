import { request as httpRequest } from 'node:http'
import type { CreateWorkshopRequest, CreateWorkshopResponse, JoinResponse } from '../../shared/protocol'

/** Thin fetch wrappers around Loupe's HTTP API, for integration and end-to-end tests. */

export interface ApiResult<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Any request; the body is parsed as JSON when the response says it is JSON, else returned as text. */
export async function request<T = unknown>(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<ApiResult<T>> {
  const response = await fetch(baseUrl + path, init)
  const type = response.headers.get('content-type') ?? ''
  const body = type.includes('application/json') ? await response.json() : await response.text()
  return { status: response.status, headers: response.headers, body: body as T }
}

/** A JSON POST sent from another address of 127.0.0.0/8, as if from another machine. */
export function postJsonFrom<T = unknown>(
  from: string,
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<ApiResult<T>> {
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      baseUrl + path,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          const json = (res.headers['content-type'] ?? '').includes('application/json')
          const headers = new Headers()
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') headers.set(name, value)
          resolve({ status: res.statusCode ?? 0, headers, body: (json ? JSON.parse(raw) : raw) as T })
        })
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

export function postJson<T = unknown>(baseUrl: string, path: string, body: unknown): Promise<ApiResult<T>> {
  return request<T>(baseUrl, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Creates a workshop and fails loudly if the server refuses. */
export async function createWorkshop(
  baseUrl: string,
  input: CreateWorkshopRequest = { title: 'Atelier participation', organiser: 'Fédération' },
): Promise<CreateWorkshopResponse> {
  const result = await postJson<CreateWorkshopResponse>(baseUrl, '/api/workshops', input)
  if (result.status !== 201)
    throw new Error(`create workshop: ${result.status} ${JSON.stringify(result.body)}`)
  return result.body
}

/** Joins a workshop as a participant and fails loudly if the server refuses. */
export async function joinWorkshop(
  baseUrl: string,
  workshop: { id: string; joinCode: string },
  person: { name: string; centre: string } = { name: 'Awa', centre: 'Centre social des Tilleuls' },
): Promise<JoinResponse> {
  const result = await postJson<JoinResponse>(baseUrl, `/api/workshops/${workshop.id}/join`, {
    joinCode: workshop.joinCode,
    ...person,
  })
  if (result.status !== 200) throw new Error(`join workshop: ${result.status} ${JSON.stringify(result.body)}`)
  return result.body
}

export interface Health {
  status: string
  workshops: number
  connections: number
}

export async function health(baseUrl: string): Promise<Health> {
  return (await request<Health>(baseUrl, '/healthz')).body
}
