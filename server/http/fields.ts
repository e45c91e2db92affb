import type { ApiErrorCode } from '../../shared/protocol'
import { checkCentre, checkMetaField, checkName, checkTitle, type FieldCheck } from '../../shared/validation'
import { HttpError } from './respond'

type Checker = (input: unknown) => FieldCheck

/** Runs a shared field check and turns its problem into the API's error code for that field. */
function field(
  check: Checker,
  input: unknown,
  label: string,
  codes: { required?: ApiErrorCode; tooLong?: ApiErrorCode },
) {
  const result = check(input)
  if (result.ok) return result.value
  if (result.problem === 'required' && codes.required)
    throw new HttpError(400, codes.required, `${label} is required.`)
  if (result.problem === 'too_long' && codes.tooLong)
    throw new HttpError(400, codes.tooLong, `${label} is too long.`)
  throw new HttpError(400, 'invalid_input', `${label} is not valid.`)
}

export const titleField = (input: unknown) =>
  field(checkTitle, input, 'The title', { required: 'title_required', tooLong: 'title_too_long' })
export const nameField = (input: unknown) =>
  field(checkName, input, 'The name', { required: 'name_required', tooLong: 'name_too_long' })
export const centreField = (input: unknown) =>
  field(checkCentre, input, 'The centre', { required: 'centre_required', tooLong: 'centre_too_long' })
export const metaField = (input: unknown, label: string) => field(checkMetaField, input, label, {})
