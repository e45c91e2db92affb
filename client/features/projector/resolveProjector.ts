import { loadCredential, loadSession } from '../../api/credentials'
import { getSession } from '../../api/workshops'
import type { Session } from '../../store'

export type ProjectorResolution =
  | { kind: 'ready'; session: Session }
  | { kind: 'missing' }
  | { kind: 'bad_key' }
  | { kind: 'not_found' }
  | { kind: 'unreachable' }

/**
 * The projector opens with the facilitator key this browser kept when the facilitator link was opened here: it
 * never travels in the projector's address, and the room treats the connection as read-only.
 */
export async function resolveProjector(workshopId: string): Promise<ProjectorResolution> {
  const key = loadCredential('facilitator', workshopId)
  if (!key) return { kind: 'missing' }
  const result = await getSession(workshopId, key)
  if (result.ok) return { kind: 'ready', session: { ...result.value, role: 'projector', token: key } }
  if (result.error === 'not_found') return { kind: 'not_found' }
  if (result.error === 'unauthorized') return { kind: 'bad_key' }
  const kept = loadSession('facilitator', workshopId)
  return kept
    ? { kind: 'ready', session: { ...kept, role: 'projector', token: key } }
    : { kind: 'unreachable' }
}
