import { checkCentre, checkName } from '../../../shared/validation'
import type { ApiFailureCode } from '../../api/http'
import type { MessageKey } from '../../i18n'

export type JoinField = 'code' | 'name' | 'centre'
export type JoinErrors = Partial<Record<JoinField, MessageKey>>

/** Name and centre, checked as the server will check them. */
export function validateJoin(
  name: string,
  centre: string,
): { errors: JoinErrors; name: string; centre: string } {
  const errors: JoinErrors = {}
  const n = checkName(name)
  const c = checkCentre(centre)
  if (!n.ok) errors.name = n.problem === 'too_long' ? 'error.name_too_long' : 'error.name_required'
  if (!c.ok) errors.centre = c.problem === 'too_long' ? 'error.centre_too_long' : 'error.centre_required'
  return { errors, name: n.ok ? n.value : '', centre: c.ok ? c.value : '' }
}

/** Which field a server refusal points at; null for problems of the whole request (network, server). */
export function fieldOfJoinError(code: ApiFailureCode): JoinField | null {
  switch (code) {
    case 'wrong_code':
    case 'not_found':
      return 'code'
    case 'name_required':
    case 'name_too_long':
      return 'name'
    case 'centre_required':
    case 'centre_too_long':
      return 'centre'
    default:
      return null
  }
}
