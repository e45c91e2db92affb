import { useMemo } from 'react'
import type { TextRef } from '../../../shared/ops/text'
import { useCollaborativeText } from '../../hooks/useCollaborativeText'
import { useFocusRequest } from '../../hooks/useFocusRequest'
import { mergeRefs } from '../../ui/mergeRefs'

interface Props {
  textRef: TextRef
  label: string
  placeholder?: string
  maxLength: number
  /** The id under which this field can be asked to take the focus. */
  focusId?: string
  className?: string
  /** Titles and questions are one line: Enter does not break them. */
  singleLine?: boolean
  onLocalChange?: () => void
}

/** An auto-growing textarea co-edited with everyone (titles, details, questions). */
export function CollaborativeField({
  textRef,
  label,
  placeholder,
  maxLength,
  focusId,
  className,
  singleLine,
  onLocalChange,
}: Props) {
  const bind = useCollaborativeText(textRef, onLocalChange)
  const focus = useFocusRequest<HTMLTextAreaElement>(focusId ?? '')
  const ref = useMemo(() => mergeRefs(bind, focusId ? focus : null), [bind, focus, focusId])
  return (
    <textarea
      ref={ref}
      className={`inline-field${className ? ` ${className}` : ''}`}
      rows={1}
      aria-label={label}
      placeholder={placeholder}
      maxLength={maxLength}
      onKeyDown={singleLine ? (event) => event.key === 'Enter' && event.preventDefault() : undefined}
    />
  )
}
