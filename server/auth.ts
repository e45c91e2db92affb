import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { newJoinCode } from '../shared/ids'
import type { Role } from '../shared/schema'
import type { Credential, WorkshopRegistry } from './persistence/types'

/** A fresh secret: 32 random bytes, base64url. Only its hash is ever stored. */
export function newCredential(): string {
  return randomBytes(32).toString('base64url')
}

/** The form in which credentials are stored and looked up. */
export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('hex')
}

/** A join code no other workshop uses right now (the registry still has the last word on insert). */
export async function freeJoinCode(registry: WorkshopRegistry, attempts = 20): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const code = newJoinCode()
    if (!(await registry.findWorkshopByCode(code))) return code
  }
  throw new Error('no free join code found')
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? null
}

export type Identity =
  { ok: true; credential: Credential; role: Role } | { ok: false; reason: 'unauthorized' | 'removed' }

/** Who a credential belongs to within one workshop; a credential of another workshop counts as unknown. */
export async function identify(
  registry: WorkshopRegistry,
  workshopId: string,
  credential: string | null | undefined,
): Promise<Identity> {
  // Real credentials are 43 characters; anything far off is not worth a lookup.
  if (!credential || credential.length > 200) return { ok: false, reason: 'unauthorized' }
  const found = await registry.findCredential(hashCredential(credential))
  if (!found || found.workshop.id !== workshopId) return { ok: false, reason: 'unauthorized' }
  if (found.participant.removed) return { ok: false, reason: 'removed' }
  return { ok: true, credential: found, role: found.participant.role }
}
