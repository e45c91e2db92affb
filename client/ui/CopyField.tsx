import { useId, useState } from 'react'
import { useT } from '../i18n/useT'

/** A read-only value with a button that copies it; the result is announced. */
export function CopyField({
  label,
  value,
  copyLabel,
  hint,
}: {
  label: string
  value: string
  copyLabel: string
  hint?: string
}) {
  const t = useT()
  const id = useId()
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('done')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className="copy-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="copy-field__row">
        <input
          id={id}
          className="field__input copy-field__value"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" aria-label={copyLabel} onClick={() => void copy()}>
          {t('copy.button')}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {state === 'done' ? t('copy.done') : state === 'failed' ? t('copy.failed') : ''}
      </p>
    </div>
  )
}
