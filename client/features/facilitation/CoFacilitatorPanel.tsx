import { useState, type FormEvent } from 'react'
import { addCoFacilitator } from '../../api/facilitation'
import { useSession } from '../../hooks/useSession'
import { useT } from '../../i18n/useT'
import { CopyField } from '../../ui/CopyField'
import './moderation.css'

/**
 * Under the presence list, for the facilitator: adds a co-facilitator, a second secret link with every facilitation
 * right, shown once to be passed on.
 */
export function CoFacilitatorSection() {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <section className="cofacilitator">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('cofacilitator.title')}
      </button>
      {open ? <CoFacilitatorForm /> : null}
    </section>
  )
}

function CoFacilitatorForm() {
  const t = useT()
  const session = useSession()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [link, setLink] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!session) return
    setBusy(true)
    setError(null)
    const result = await addCoFacilitator(session.workshopId, session.token, name)
    setBusy(false)
    if (result.ok) setLink(`${location.origin}${result.value.facilitatorPath}`)
    else setError(t(result.messageKey))
  }
  return (
    <div className="cofacilitator__form">
      <p className="field__hint">{t('cofacilitator.intro')}</p>
      <form className="inline-form" onSubmit={(event) => void onSubmit(event)}>
        <label className="inline-form__label inline-form__label--grow">
          {t('cofacilitator.name')}
          <input
            className="field__input"
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('cofacilitator.create')}
        </button>
      </form>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {link ? (
        <CopyField
          label={t('cofacilitator.link')}
          hint={t('cofacilitator.linkHint')}
          value={link}
          copyLabel={t('cofacilitator.copy')}
        />
      ) : null}
    </div>
  )
}
