import { useRef, useState, type FormEvent } from 'react'
import type { CreateWorkshopResponse } from '../../../shared/protocol'
import { DEFAULT_TEMPLATE, type TemplateId } from '../../../shared/templates'
import { saveCredential } from '../../api/credentials'
import { createWorkshop } from '../../api/workshops'
import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n/useT'
import { Field } from '../../ui/Field'
import {
  fieldOfServerError,
  validateCreateForm,
  type CreateFormErrors,
  type CreateFormValues,
} from './createForm'

const TEMPLATE_CHOICES: { id: TemplateId; label: MessageKey; hint: MessageKey }[] = [
  {
    id: 'participation-partenariats',
    label: 'home.template.participation',
    hint: 'home.template.participationHint',
  },
  { id: 'vide', label: 'home.template.empty', hint: 'home.template.emptyHint' },
]

/** The form that creates a workshop; on success hands the links to the page. */
export function CreateWorkshopForm({
  onCreated,
}: {
  onCreated: (title: string, response: CreateWorkshopResponse) => void
}) {
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<CreateFormValues>({
    title: '',
    date: '',
    place: '',
    organiser: '',
    template: DEFAULT_TEMPLATE,
  })
  const [errors, setErrors] = useState<CreateFormErrors>({})
  const [formError, setFormError] = useState<MessageKey | null>(null)
  const [busy, setBusy] = useState(false)

  const set = (field: keyof CreateFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }))

  const focusFirstError = () => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { errors: found, request } = validateCreateForm(values)
    setErrors(found)
    setFormError(null)
    if (!request) {
      requestAnimationFrame(focusFirstError)
      return
    }
    setBusy(true)
    const result = await createWorkshop(request)
    setBusy(false)
    if (result.ok) {
      // The creator's device keeps the facilitator key: the board opens without the secret link.
      saveCredential('facilitator', result.value.id, result.value.facilitatorKey)
      onCreated(request.title, result.value)
      return
    }
    const field = fieldOfServerError(result.error)
    if (field) {
      setErrors({ [field]: result.messageKey })
      requestAnimationFrame(focusFirstError)
    } else setFormError(result.messageKey)
  }

  return (
    <section className="panel home__create" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('home.create.heading')}</h2>
      <form ref={formRef} noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label={t('home.field.title')}
          value={values.title}
          onChange={(e) => set('title')(e.target.value)}
          error={errors.title ? t(errors.title) : null}
          required
          maxLength={200}
          autoComplete="off"
        />
        <div className="form-row">
          <Field
            label={t('home.field.date')}
            note={t('home.field.optional')}
            type="date"
            value={values.date}
            onChange={(e) => set('date')(e.target.value)}
            error={errors.date ? t(errors.date) : null}
          />
          <Field
            label={t('home.field.place')}
            note={t('home.field.optional')}
            value={values.place}
            onChange={(e) => set('place')(e.target.value)}
            error={errors.place ? t(errors.place) : null}
            autoComplete="off"
          />
        </div>
        <Field
          label={t('home.field.organiser')}
          note={t('home.field.optional')}
          value={values.organiser}
          onChange={(e) => set('organiser')(e.target.value)}
          error={errors.organiser ? t(errors.organiser) : null}
          autoComplete="organization"
        />
        <fieldset className="choices">
          <legend className="field__label">{t('home.template.legend')}</legend>
          {TEMPLATE_CHOICES.map((choice) => (
            <label key={choice.id} className="choice">
              <input
                type="radio"
                name="template"
                value={choice.id}
                checked={values.template === choice.id}
                onChange={() => setValues((v) => ({ ...v, template: choice.id }))}
              />
              <span className="choice__text">
                <span className="choice__label">{t(choice.label)}</span>
                <span className="choice__hint">{t(choice.hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {formError ? (
          <p className="form-error" role="alert">
            {t(formError)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? t('home.create.submitting') : t('home.create.submit')}
        </button>
      </form>
    </section>
  )
}
