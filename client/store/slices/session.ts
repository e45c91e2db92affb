import type { SessionInfo } from '../../api/workshops'

/** Who we are in the open workshop, with the credential the connection uses. */
export interface Session extends SessionInfo {
  token: string
}

export interface SessionSlice {
  session: Session | null
}

export const initialSession = (): SessionSlice => ({ session: null })
