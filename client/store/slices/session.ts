import type { SessionInfo } from '../../api/workshops'
import type { Role } from '../../../shared/schema'

/**
 * Who we are in the open workshop, with the credential the connection uses. The projector is a facilitator's
 * screen opened read-only: the server confirmed the facilitator key, the room sees a projector.
 */
export interface Session extends Omit<SessionInfo, 'role'> {
  role: Role
  token: string
}

export interface SessionSlice {
  session: Session | null
}

export const initialSession = (): SessionSlice => ({ session: null })
