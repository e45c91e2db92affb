import { LIMITS } from './schema'

export type FieldCheck =
  { ok: true; value: string } | { ok: false; problem: 'required' | 'too_long' | 'not_text' }

/** Trims, strips control characters and checks a short text people type into a form. */
export function checkField(input: unknown, max: number, required = true): FieldCheck {
  if (input === undefined || input === null) input = ''
  if (typeof input !== 'string') return { ok: false, problem: 'not_text' }
  // Control characters (including bidi overrides) have no place in a name, a centre or a title.
  const value = input.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim()
  if (required && value.length === 0) return { ok: false, problem: 'required' }
  if (value.length > max) return { ok: false, problem: 'too_long' }
  return { ok: true, value }
}

export const checkName = (input: unknown) => checkField(input, LIMITS.nameLength)
export const checkCentre = (input: unknown) => checkField(input, LIMITS.centreLength)
export const checkTitle = (input: unknown) => checkField(input, LIMITS.titleLength)
export const checkMetaField = (input: unknown) => checkField(input, LIMITS.metaFieldLength, false)
