import { useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { normalizeJoinCode } from '../../../shared/ids'
import { findWorkshopByCode } from '../../api/workshops'
import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n/useT'
import { Field } from '../../ui/Field'

/** "Rejoindre un atelier": checks the code, then opens the join form for that workshop. */
export function JoinByCodeForm() {
  const t = useT()
  const [, navigate] = useLocation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<MessageKey | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const normalized = normalizeJoinCode(code)
    if (!normalized) {
      setError('error.code_invalid')
      return
    }
    setBusy(true)
    const result = await findWorkshopByCode(normalized)
    setBusy(false)
    if (result.ok) navigate(`/rejoindre/${result.value.joinCode}`)
    else setError(result.error === 'not_found' ? 'error.code_unknown' : result.messageKey)
  }

  return (
    <section className="panel home__join" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('home.join.heading')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label={t('home.join.code')}
          hint={t('home.join.codeHint')}
          value={code}
          onChange={(e) => {
            setCode(e.target.value)
            setError(null)
          }}
          error={error ? t(error) : null}
          className="field--code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
        />
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? t('home.join.checking') : t('home.join.submit')}
        </button>
      </form>
    </section>
  )
}
