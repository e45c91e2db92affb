import type { IncomingMessage } from 'node:http'
import { HttpError } from './respond'

export const MAX_BODY_BYTES = 64 * 1024

/** Reads a JSON object body of at most `limit` bytes; throws HttpError 413 / 400 otherwise. */
export async function readJsonObject(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(buffer)
  }
  let value: unknown
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_input', 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}

/** Like readJsonObject, but an empty body reads as `{}`. */
export async function readOptionalJsonObject(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  if (
    req.headers['content-length'] === '0' ||
    (!req.headers['content-length'] && !req.headers['transfer-encoding'])
  )
    return {}
  return readJsonObject(req, limit)
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too_large', `The request body is larger than ${limit} bytes.`)
}
