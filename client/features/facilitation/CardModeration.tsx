import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useCardHidden } from '../../hooks/useCardHidden'
import { useT } from '../../i18n/useT'
import { mergeCardInto, openCardMenu, setCardHiddenTo, useLoupeStore } from '../../store'
import { ShowOnScreenButton } from './ShowOnScreenButton'
import './moderation.css'

const excerpt = (text: string) => {
  const flat = text.trim().replace(/\s+/g, ' ')
  return flat.length > 50 ? `${flat.slice(0, 47)}…` : flat
}

/** The other cards of the same board, in board order, as merge targets. */
function useMergeTargets(cardId: string): Array<{ id: string; text: string }> {
  return useLoupeStore(
    useShallow((s) => {
      const themeId = s.cardsById.get(cardId)?.place.themeId
      if (!themeId) return []
      return Object.entries(s.cardIdsByList)
        .filter(([key]) => key.startsWith(`${themeId}/`))
        .flatMap(([, ids]) => ids)
        .filter((id) => id !== cardId)
        .map((id) => s.cardsById.get(id))
        .filter((card) => card !== undefined)
    }),
  ).map((card) => ({ id: card.id, text: card.text }))
}

/** The facilitator's tools in a card's menu: show it on the projector, hide it from participants, merge it. */
export function CardModeration({ id }: { id: string }) {
  const t = useT()
  const hidden = useCardHidden(id)
  const targets = useMergeTargets(id)
  const [target, setTarget] = useState('')
  const targetText = targets.find((card) => card.id === target)?.text ?? ''
  return (
    <div className="tool-group" role="group" aria-label={t('moderation.label')}>
      <ShowOnScreenButton target={{ kind: 'card', cardId: id }} onDone={() => openCardMenu(null)} />
      <button
        type="button"
        className="tool"
        aria-pressed={hidden}
        onClick={() => void setCardHiddenTo(id, !hidden)}
      >
        <span className="tool__check" aria-hidden="true">
          {hidden ? '✓' : ''}
        </span>
        {t('moderation.hide')}
      </button>
      {targets.length > 0 ? (
        <select
          className="tool tool--select"
          aria-label={t('moderation.mergeLabel')}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        >
          <option value="">{t('moderation.mergeInto')}</option>
          {targets.map((card) => (
            <option key={card.id} value={card.id}>
              {excerpt(card.text) || t('card.empty')}
            </option>
          ))}
        </select>
      ) : null}
      {target ? (
        <div className="confirm">
          <p>{t('moderation.mergeConfirm', { target: excerpt(targetText) || t('card.empty') })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                openCardMenu(null)
                void mergeCardInto(id, target)
              }}
            >
              {t('moderation.mergeYes')}
            </button>
            <button type="button" className="button" onClick={() => setTarget('')}>
              {t('board.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
