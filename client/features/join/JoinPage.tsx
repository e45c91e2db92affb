import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { normalizeJoinCode } from '../../../shared/ids'
import type { WorkshopSummary } from '../../../shared/protocol'
import { loadCredential, saveCredential, saveSession } from '../../api/credentials'
import { findWorkshopByCode, joinWorkshop } from '../../api/workshops'
import { PageLayout } from '../../app/PageLayout'
import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n/useT'
import { Field } from '../../ui/Field'
import type { JoinedState } from '../board/resolveSession'
import { fieldOfJoinError, validateJoin, type JoinErrors } from './joinForm'
import './join.css'
import { preloadWorkshopPage } from '../../app/pages'

type Lookup = { state: 'idle' | 'checking' } | { state: 'found'; workshop: WorkshopSummary }

/** /rejoindre/:code — name and centre, then into the workshop. The code stays editable to fix a typo. */
export function JoinPage({ code: initialCode }: { code: string }) {
  const t = useT()
  const [, navigate] = useLocation()
  const formRef = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState(() => normalizeJoinCode(initialCode) ?? initialCode)
  const [name, setName] = useState('')
  const [centre, setCentre] = useState('')
  const [lookup, setLookup] = useState<Lookup>({ state: 'checking' })
  const [errors, setErrors] = useState<JoinErrors>({})
  const [formError, setFormError] = useState<MessageKey | null>(null)
  const [busy, setBusy] = useState(false)

  // Name the workshop as soon as the code is known; someone who already joined on this device goes straight in.
  useEffect(() => {
    const normalized = normalizeJoinCode(initialCode)
    // The board comes next: fetch it while the person types their name, once the code is answered (the
    // code lookup goes first: it names the workshop on the form).
    if (!normalized) {
      setLookup({ state: 'idle' })
      void preloadWorkshopPage()
      return
    }
    let cancelled = false
    void findWorkshopByCode(normalized).then((result) => {
      void preloadWorkshopPage()
      if (cancelled) return
      if (!result.ok) {
        setLookup({ state: 'idle' })
        if (result.error === 'not_found') setErrors({ code: 'error.code_unknown' })
        return
      }
      if (loadCredential('participant', result.value.id))
        navigate(`/atelier/${result.value.id}`, { replace: true })
      else setLookup({ state: 'found', workshop: result.value })
    })
    return () => {
      cancelled = true
    }
  }, [initialCode, navigate])

  const showErrors = (found: JoinErrors, whole: MessageKey | null = null) => {
    setErrors(found)
    setFormError(whole)
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  const findWorkshop = async (normalized: string): Promise<WorkshopSummary | MessageKey> => {
    if (lookup.state === 'found' && lookup.workshop.joinCode === normalized) return lookup.workshop
    const result = await findWorkshopByCode(normalized)
    if (result.ok) {
      setLookup({ state: 'found', workshop: result.value })
      return result.value
    }
    return result.error === 'not_found' ? 'error.code_unknown' : result.messageKey
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = validateJoin(name, centre)
    const normalized = normalizeJoinCode(code)
    const found: JoinErrors = {
      ...checked.errors,
      ...(normalized ? {} : { code: 'error.code_invalid' as const }),
    }
    if (!normalized || Object.keys(found).length > 0) return showErrors(found)
    setBusy(true)
    setFormError(null)
    const workshop = await findWorkshop(normalized)
    if (typeof workshop === 'string') {
      setBusy(false)
      return workshop === 'error.code_unknown' ? showErrors({ code: workshop }) : showErrors({}, workshop)
    }
    const result = await joinWorkshop(workshop.id, {
      joinCode: normalized,
      name: checked.name,
      centre: checked.centre,
    })
    setBusy(false)
    if (result.ok) {
      const { workshopId, participantId, token } = result.value
      saveCredential('participant', workshopId, token)
      const joined = {
        role: 'participant' as const,
        participantId,
        name: checked.name,
        centre: checked.centre,
        workshopId,
        title: workshop.title,
        joinCode: workshop.joinCode,
      }
      saveSession('participant', joined)
      // The board opens with this session at once instead of asking the server for it again.
      navigate(`/atelier/${workshopId}`, { state: { joined } satisfies JoinedState })
      return
    }
    const field = fieldOfJoinError(result.error)
    const message = result.error === 'not_found' ? 'error.code_unknown' : result.messageKey
    if (field) showErrors({ [field]: message })
    else showErrors({}, message)
  }

  const title =
    lookup.state === 'found' ? t('join.titleWith', { title: lookup.workshop.title }) : t('join.title')
  return (
    <PageLayout narrow>
      <section className="panel join" aria-labelledby="join-title">
        <h1 id="join-title">{title}</h1>
        <p className="lead">{t('join.intro')}</p>
        <form ref={formRef} noValidate onSubmit={(e) => void submit(e)}>
          <Field
            label={t('join.code')}
            value={code}
            onChange={(e) => {
              setCode(e.target.value)
              setErrors(({ code: _code, ...rest }) => rest)
            }}
            error={errors.code ? t(errors.code) : null}
            className="field--code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
          />
          <Field
            label={t('join.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name ? t(errors.name) : null}
            autoComplete="name"
            maxLength={80}
            required
          />
          <Field
            label={t('join.centre')}
            value={centre}
            onChange={(e) => setCentre(e.target.value)}
            error={errors.centre ? t(errors.centre) : null}
            autoComplete="organization"
            maxLength={100}
            required
          />
          {formError ? (
            <p className="form-error" role="alert">
              {t(formError)}
            </p>
          ) : null}
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {busy ? t('join.submitting') : t('join.submit')}
          </button>
        </form>
      </section>
    </PageLayout>
  )
}
