import type { MessageKey } from '../i18n'
import type { ApiErrorCode } from '../../shared/protocol'

/** Why a request failed: the server's error code, or 'network' when no answer came back. */
export type ApiFailureCode = ApiErrorCode | 'network'

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; error: ApiFailureCode; messageKey: MessageKey }

const KNOWN_ERRORS: ReadonlySet<string> = new Set<ApiErrorCode>([
  'invalid_json',
  'invalid_input',
  'title_required',
  'title_too_long',
  'name_required',
  'name_too_long',
  'centre_required',
  'centre_too_long',
  'unknown_template',
  'wrong_code',
  'not_found',
  'unauthorized',
  'too_large',
  'rate_limited',
  'internal',
])

/** The message people read for a failure code. */
export function messageKeyFor(code: ApiFailureCode): MessageKey {
  return `error.${code}`
}

function failureFromStatus(status: number): ApiErrorCode {
  if (status === 404) return 'not_found'
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 413) return 'too_large'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'internal'
  return 'invalid_input'
}

function fail(status: number, error: ApiFailureCode): ApiResult<never> {
  return { ok: false, status, error, messageKey: messageKeyFor(error) }
}

/** Sends a JSON request to the Loupe server and returns a typed result instead of throwing. */
export async function requestJson<T>(
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown; credential?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.credential) headers.Authorization = `Bearer ${options.credential}`
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    })
  } catch {
    return fail(0, 'network')
  }
  let payload: unknown = null
  try {
    payload = await response.json()
  } catch {
    // An empty or non-JSON body: the status alone tells what happened.
  }
  if (response.ok) return { ok: true, value: payload as T }
  const code = (payload as { error?: unknown } | null)?.error
  return fail(
    response.status,
    typeof code === 'string' && KNOWN_ERRORS.has(code)
      ? (code as ApiErrorCode)
      : failureFromStatus(response.status),
  )
}
