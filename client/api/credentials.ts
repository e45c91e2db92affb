import type { SessionInfo } from './workshops'

/**
 * Credentials kept on this device, per workshop: a participant token and, separately, a facilitator key, so the
 * same browser can hold both. The last confirmed session is kept too, so a board reopens offline.
 */

type CredentialKind = 'participant' | 'facilitator'

const storageKey = (kind: CredentialKind, workshopId: string) =>
  kind === 'participant' ? `loupe-token-${workshopId}` : `loupe-cle-${workshopId}`
const sessionKey = (kind: CredentialKind, workshopId: string) => `loupe-session-${kind}-${workshopId}`

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key)
    else globalThis.localStorage?.setItem(key, value)
  } catch {
    // Without storage the credential lives as long as the page: still usable now.
  }
}

/** The stored credential of this kind for a workshop, if any. */
export function loadCredential(kind: CredentialKind, workshopId: string): string | null {
  return read(storageKey(kind, workshopId))
}

/** Remembers a credential (a participant token or a facilitator key). */
export function saveCredential(kind: CredentialKind, workshopId: string, credential: string): void {
  write(storageKey(kind, workshopId), credential)
}

/** Forgets a credential the server no longer accepts, with the session it opened. */
export function forgetCredential(kind: CredentialKind, workshopId: string): void {
  write(storageKey(kind, workshopId), null)
  write(sessionKey(kind, workshopId), null)
}

/** Remembers the last session the server confirmed, for reopening the board without a network. */
export function saveSession(kind: CredentialKind, session: SessionInfo): void {
  write(sessionKey(kind, session.workshopId), JSON.stringify(session))
}

/** The last confirmed session, if it is still readable. */
export function loadSession(kind: CredentialKind, workshopId: string): SessionInfo | null {
  const raw = read(sessionKey(kind, workshopId))
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<SessionInfo>
    if (typeof value.participantId !== 'string' || value.workshopId !== workshopId) return null
    return value as SessionInfo
  } catch {
    return null
  }
}
