import { useId, type InputHTMLAttributes } from 'react'
import { Icon } from './Icon'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string
  hint?: string
  /** Shown under the field and announced with it; the field is marked invalid. */
  error?: string | null
  /** Shown after the label, e.g. "optional". */
  note?: string
}

/** A labelled text input with its hint and error message wired for screen readers. */
export function Field({ label, hint, error, note, className, ...input }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {note ? <span className="field__note"> ({note})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field__error">
          <Icon name="alert" />
          {error}
        </p>
      ) : null}
    </div>
  )
}
