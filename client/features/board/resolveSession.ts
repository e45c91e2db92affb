import { forgetCredential, loadCredential, loadSession, saveSession } from '../../api/credentials'
import { getSession, getWorkshop, type SessionInfo } from '../../api/workshops'
import type { Session } from '../../store'

export type Resolution =
  | { kind: 'ready'; session: Session }
  | { kind: 'join'; joinCode: string }
  | { kind: 'not_found' }
  | { kind: 'bad_key'; missing: boolean }
  | { kind: 'unreachable' }

type Role = Extract<Session['role'], 'facilitator' | 'participant'>

/** Takes the facilitator key out of `#cle=…` (once): it is returned and removed from the address bar. */
export function takeKeyFromFragment(): string | null {
  const hash = globalThis.location?.hash ?? ''
  const key = hash.startsWith('#') ? new URLSearchParams(hash.slice(1)).get('cle') : null
  if (!key) return null
  globalThis.history.replaceState(globalThis.history.state, '', `${location.pathname}${location.search}`)
  return key
}

/** What the join form leaves in the history entry of the board it opens: the session the server just gave. */
export interface JoinedState {
  joined: SessionInfo
}

/**
 * The session the join form just obtained for this workshop, so the board opens without asking the server again
 * (the socket checks the token anyway); null when the page was not opened by joining.
 */
export function sessionFromJoin(workshopId: string): Resolution | null {
  const state: unknown = globalThis.history?.state
  const joined = state && typeof state === 'object' ? (state as Partial<JoinedState>).joined : undefined
  const token = loadCredential('participant', workshopId)
  if (!joined || joined.workshopId !== workshopId || joined.role !== 'participant' || !token) return null
  return { kind: 'ready', session: { ...joined, token } }
}

/** Forgets the join form's hand-over, so that reloading the board asks the server for a fresh session. */
export function forgetJoinHandOver(): void {
  const state: unknown = globalThis.history?.state
  if (!state || typeof state !== 'object' || !('joined' in state)) return
  const { joined: _joined, ...rest } = state as JoinedState & Record<string, unknown>
  globalThis.history.replaceState(rest, '')
}

async function participantFallback(workshopId: string): Promise<Resolution> {
  const summary = await getWorkshop(workshopId)
  if (summary.ok) return { kind: 'join', joinCode: summary.value.joinCode }
  return summary.error === 'not_found' ? { kind: 'not_found' } : { kind: 'unreachable' }
}

/**
 * Decides what opening a workshop leads to: the board (with the server-confirmed session, or the last one kept
 * here when the server cannot be reached), the join form, or a clear dead end.
 */
export async function resolveSession(workshopId: string, role: Role): Promise<Resolution> {
  const credential = loadCredential(role, workshopId)
  if (!credential)
    return role === 'participant' ? participantFallback(workshopId) : { kind: 'bad_key', missing: true }
  const result = await getSession(workshopId, credential)
  if (result.ok) {
    saveSession(role, result.value)
    return { kind: 'ready', session: { ...result.value, token: credential } }
  }
  if (result.error === 'not_found') return { kind: 'not_found' }
  if (result.error === 'unauthorized') {
    forgetCredential(role, workshopId)
    return role === 'participant' ? participantFallback(workshopId) : { kind: 'bad_key', missing: false }
  }
  // No answer (offline, server restarting): the board still opens from the local copy with the last session.
  const kept = loadSession(role, workshopId)
  return kept ? { kind: 'ready', session: { ...kept, token: credential } } : { kind: 'unreachable' }
}
