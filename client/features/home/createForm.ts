import type { CreateWorkshopRequest } from '../../../shared/protocol'
import type { TemplateId } from '../../../shared/templates'
import { checkMetaField, checkTitle } from '../../../shared/validation'
import type { MessageKey } from '../../i18n'

export interface CreateFormValues {
  title: string
  date: string
  place: string
  organiser: string
  template: TemplateId
}

export type CreateFormField = 'title' | 'date' | 'place' | 'organiser'
export type CreateFormErrors = Partial<Record<CreateFormField, MessageKey>>

/** Checks the form as the server will, so people see every problem before sending. */
export function validateCreateForm(values: CreateFormValues): {
  errors: CreateFormErrors
  request: CreateWorkshopRequest | null
} {
  const errors: CreateFormErrors = {}
  const title = checkTitle(values.title)
  if (!title.ok) errors.title = title.problem === 'too_long' ? 'error.title_too_long' : 'error.title_required'
  const optional: Partial<Record<CreateFormField, string>> = {}
  for (const field of ['date', 'place', 'organiser'] as const) {
    const check = checkMetaField(values[field])
    if (check.ok) optional[field] = check.value
    else errors[field] = 'error.meta_too_long'
  }
  if (!title.ok || Object.keys(errors).length > 0) return { errors, request: null }
  const request: CreateWorkshopRequest = { title: title.value, template: values.template }
  for (const [field, value] of Object.entries(optional)) if (value) request[field as CreateFormField] = value
  return { errors, request }
}

/** Which field a server error belongs to. */
export function fieldOfServerError(code: string): CreateFormField | null {
  if (code === 'title_required' || code === 'title_too_long') return 'title'
  return null
}
