import { memo, useMemo, type CSSProperties, type FocusEvent } from 'react'
import { LIMITS } from '../../../shared/schema'
import { useCardView } from '../../hooks/useCardView'
import { useTextBinding } from '../../hooks/useCollaborativeText'
import { useFocusRef } from '../../hooks/useFocusRequest'
import { useT } from '../../i18n/useT'
import { noteActivity, setEditing, settleDraft } from '../../store'
import { mergeRefs } from '../../ui/mergeRefs'
import { useRenderProbe } from '../../ui/renderProbe'
import { CardEditors } from './CardEditors'
import { VoteDots } from '../vote/VoteDots'
import { CardTools } from './CardTools'
import '../facilitation/moderation.css'

/**
 * One card: its co-edited text, who is typing in it, and (when allowed) its tools. Re-renders only when something
 * it shows changes; someone else typing in it reaches its field through the binding alone.
 */
export const Card = memo(function Card({ id, editable }: { id: string; editable: boolean }) {
  useRenderProbe('card', id)
  const t = useT()
  const { present, example, themeId, text, hidden, editors, focusWanted, docVersion } = useCardView(
    id,
    editable,
  )
  const textRef = useTextBinding({ kind: 'card', id, field: 'text' }, docVersion, noteActivity)
  const focusRef = useFocusRef<HTMLTextAreaElement>(id, focusWanted)
  const ref = useMemo(() => mergeRefs(textRef, focusRef), [textRef, focusRef])
  if (!present) return null

  const onBlur = (event: FocusEvent<HTMLTextAreaElement>) => {
    setEditing(null)
    const next = event.relatedTarget
    if (!(next instanceof Node && event.currentTarget.closest('li')?.contains(next))) settleDraft(id)
  }
  const kind = example ? t('card.example') : t('card.action')
  const busyColor = editors[0]?.color
  return (
    <li
      className={`card${example ? ' card--example' : ''}${busyColor ? ' card--busy' : ''}${hidden ? ' card--hidden' : ''}`}
      style={busyColor ? ({ '--editor-color': busyColor } as CSSProperties) : undefined}
      data-card-id={id}
    >
      {hidden ? <span className="card__badge card__badge--hidden">{t('moderation.hidden')}</span> : null}
      {example ? <span className="card__badge">{kind}</span> : null}
      {editable ? (
        <textarea
          ref={ref}
          className="card__text"
          rows={1}
          maxLength={LIMITS.cardTextLength}
          aria-label={t(example ? 'card.textExample' : 'card.textAction')}
          placeholder={t(example ? 'card.placeholderExample' : 'card.placeholderAction')}
          onFocus={() => setEditing(id)}
          onBlur={onBlur}
        />
      ) : (
        <p className="card__text card__text--read">
          {text.trim() ? text : <em className="muted">{t('card.empty')}</em>}
        </p>
      )}
      {editors.length > 0 ? <CardEditors editors={editors} /> : null}
      <VoteDots item={{ kind: 'card', id, themeId }} label={text} />
      {editable ? <CardTools id={id} /> : null}
    </li>
  )
})
