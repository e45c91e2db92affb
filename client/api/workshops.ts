import type {
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  JoinRequest,
  JoinResponse,
  WorkshopSummary,
} from '../../shared/protocol'
import type { Role } from '../../shared/schema'
import { requestJson, type ApiResult } from './http'

/** Who the server says we are in a workshop (GET /api/workshops/:id/session). */
export interface SessionInfo {
  role: Extract<Role, 'facilitator' | 'participant'>
  participantId: string
  name: string
  centre: string
  workshopId: string
  title: string
  joinCode: string
}

const workshopPath = (id: string) => `/api/workshops/${encodeURIComponent(id)}`

/** Creates a workshop; the answer holds both links and the join code. */
export function createWorkshop(input: CreateWorkshopRequest): Promise<ApiResult<CreateWorkshopResponse>> {
  return requestJson('/api/workshops', { method: 'POST', body: input })
}

/** Finds the workshop a join code opens (the code is normalised by the caller). */
export function findWorkshopByCode(code: string): Promise<ApiResult<WorkshopSummary>> {
  return requestJson(`/api/codes/${encodeURIComponent(code)}`)
}

/** The public summary of a workshop, or not_found. */
export function getWorkshop(id: string): Promise<ApiResult<WorkshopSummary>> {
  return requestJson(workshopPath(id))
}

/** Joins a workshop as a participant; the token answers for us afterwards. */
export function joinWorkshop(id: string, input: JoinRequest): Promise<ApiResult<JoinResponse>> {
  return requestJson(`${workshopPath(id)}/join`, { method: 'POST', body: input })
}

/** Checks a participant token or a facilitator key and says who it belongs to. */
export function getSession(id: string, credential: string): Promise<ApiResult<SessionInfo>> {
  return requestJson(`${workshopPath(id)}/session`, { credential })
}
