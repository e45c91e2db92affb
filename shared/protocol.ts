/** What goes over the wire between the client and the server. PROTOCOL.md explains it in prose. */

/** Websocket endpoint: ws://HOST:PORT/ws/<workshopId>?token=<credential> (the y-websocket provider's URL shape). */
export const WS_PATH = '/ws'

/** y-websocket message types, plus Loupe's own (numbers above 99 stay clear of y-protocols'). */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Close codes the server uses; the client decides from them whether to reconnect. */
export const CLOSE = {
  shuttingDown: 1001,
  malformed: 4400,
  unauthorized: 4401,
  removed: 4403,
  notFound: 4404,
  refused: 4409,
  tooLarge: 4413,
  rateLimited: 4429,
  unavailable: 4500,
} as const

/** Codes after which reconnecting with the same credentials cannot help. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE.unauthorized,
  CLOSE.removed,
  CLOSE.notFound,
])

/** Largest websocket message the server accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 1024 * 1024

/** What each client publishes through awareness. */
export interface PresenceState {
  user: {
    id: string
    name: string
    centre: string
    role: 'facilitator' | 'participant' | 'projector'
    color: string
  }
  /** The card whose text this person is editing right now, if any. */
  editing: string | null
  /** Epoch milliseconds of this person's last keystroke or click; older than IDLE_AFTER_MS means idle. */
  lastActive: number
}

export const IDLE_AFTER_MS = 2 * 60 * 1000

export const PRESENCE_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
] as const

/** A stable colour for a person, from their id. */
export function presenceColor(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0
  return PRESENCE_COLORS[Math.abs(hash) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}

/** HTTP contract shapes (see README). */
export interface CreateWorkshopRequest {
  title: string
  template?: string
  date?: string
  place?: string
  organiser?: string
}

export interface CreateWorkshopResponse {
  id: string
  joinCode: string
  facilitatorKey: string
  participantPath: string
  facilitatorPath: string
}

/** `POST /api/workshops/:id/facilitators` (facilitator's Bearer key, optional `{ name }`): a co-facilitator's key. */
export interface AddFacilitatorResponse {
  facilitatorKey: string
  facilitatorPath: string
}

export interface JoinRequest {
  joinCode: string
  name: string
  centre: string
}

export interface JoinResponse {
  token: string
  participantId: string
  workshopId: string
}

export interface WorkshopSummary {
  id: string
  title: string
  joinCode: string
}

/** Error bodies are `{ error: <code>, message: <English text> }`; the client translates the code. */
export type ApiErrorCode =
  | 'invalid_json'
  | 'invalid_input'
  | 'title_required'
  | 'title_too_long'
  | 'name_required'
  | 'name_too_long'
  | 'centre_required'
  | 'centre_too_long'
  | 'unknown_template'
  | 'wrong_code'
  | 'not_found'
  | 'unauthorized'
  | 'too_large'
  | 'rate_limited'
  | 'internal'

export interface ApiError {
  error: ApiErrorCode
  message: string
}
