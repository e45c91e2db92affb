import type { Awareness } from 'y-protocols/awareness'
import type { PresenceState } from '../../shared/protocol'

/** What this device publishes about its person: set once, then `editing` and `lastActive` change. */
export function publishPresence(awareness: Awareness, user: PresenceState['user']): void {
  const state: PresenceState = { user, editing: null, lastActive: Date.now() }
  awareness.setLocalState(state)
}

/** Says which card this person is typing in (null when none), without touching the rest of the state. */
export function publishEditing(awareness: Awareness, cardId: string | null): void {
  const local = awareness.getLocalState() as PresenceState | null
  if (!local || local.editing === cardId) return
  awareness.setLocalState({ ...local, editing: cardId, lastActive: Date.now() })
}

/** Moves this person's last activity to now; callers throttle it, every call is a message to everyone. */
export function publishActivity(awareness: Awareness, now = Date.now()): void {
  const local = awareness.getLocalState() as PresenceState | null
  if (!local) return
  awareness.setLocalState({ ...local, lastActive: now })
}

/** Another client's awareness state, if it has the shape Loupe publishes (anyone can send anything). */
export function asPresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null
  const state = value as Partial<PresenceState>
  const user = state.user as Partial<PresenceState['user']> | undefined
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return null
  return {
    user: {
      id: user.id,
      name: user.name.slice(0, 80),
      centre: typeof user.centre === 'string' ? user.centre.slice(0, 100) : '',
      role: user.role === 'facilitator' || user.role === 'projector' ? user.role : 'participant',
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#475569',
    },
    editing: typeof state.editing === 'string' ? state.editing : null,
    lastActive: typeof state.lastActive === 'number' ? state.lastActive : 0,
  }
}
