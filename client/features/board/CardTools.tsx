import { useCallback, useRef } from 'react'
import { useCardIdsOf } from '../../hooks/useCardIdsOf'
import { useCardListOf } from '../../hooks/useCardListOf'
import { useCard } from '../../hooks/useCard'
import { useFocusRef, useFocusRequest } from '../../hooks/useFocusRequest'
import { usePerspectiveIdsOf } from '../../hooks/usePerspectiveIdsOf'
import { useRole } from '../../hooks/useRole'
import { useT } from '../../i18n/useT'
import {
  moveCardBy,
  moveCardToList,
  openCardMenu,
  removeCard,
  requestFocus,
  setExample,
  useCardScoped,
} from '../../store'
import { useDismiss } from '../../ui/useDismiss'
import { CardModeration } from '../facilitation/CardModeration'
import { PerspectiveOption } from './PerspectiveOption'

const UNSORTED = '__unsorted__'

/** The card's tools behind one small button: example toggle, move up/down, move to another list, delete. */
export function CardTools({ id }: { id: string }) {
  const t = useT()
  const rootRef = useRef<HTMLDivElement>(null)
  const toggleId = `${id}:tools`
  // One subscription, two flags (as bits, so that an unchanged answer compares equal): on a board of 500 cards
  // every card's tools are told of every change that is not only a card's.
  const flags = useCardScoped(id, (s) => (s.openCardMenuId === id ? 1 : 0) | (s.focusId === toggleId ? 2 : 0))
  const open = (flags & 1) !== 0
  const toggleRef = useFocusRef<HTMLButtonElement>(toggleId, (flags & 2) !== 0)
  const panelId = `card-tools-${id}`
  const close = useCallback(
    (reason: 'escape' | 'outside') => {
      openCardMenu(null)
      if (reason === 'escape') requestFocus(toggleId)
    },
    [toggleId],
  )
  useDismiss(rootRef, open, close)
  return (
    <div ref={rootRef} className="card__tools">
      <button
        ref={toggleRef}
        type="button"
        className="icon-button card__tools-toggle"
        aria-label={t('card.controls')}
        title={t('card.controls')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => openCardMenu(open ? null : id)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? <CardToolsPanel id={id} panelId={panelId} /> : null}
    </div>
  )
}

function CardToolsPanel({ id, panelId }: { id: string; panelId: string }) {
  const t = useT()
  const card = useCard(id)
  const list = useCardListOf(id)
  const ids = useCardIdsOf(list?.themeId ?? '', list?.perspectiveId ?? null)
  const perspectiveIds = usePerspectiveIdsOf(list?.themeId ?? '')
  const upRef = useFocusRequest<HTMLButtonElement>(`${id}:up`)
  const downRef = useFocusRequest<HTMLButtonElement>(`${id}:down`)
  const moveRef = useFocusRequest<HTMLSelectElement>(`${id}:move`)
  const role = useRole()
  const index = ids.indexOf(id)

  if (!card || !list) return null
  const step = (direction: -1 | 1) => {
    const next = index + direction
    // At either end one of the two buttons is disabled: the focus goes to the one still useful.
    const keep = next <= 0 ? 'down' : next >= ids.length - 1 ? 'up' : direction < 0 ? 'up' : 'down'
    if (moveCardBy(id, direction)) requestFocus(`${id}:${keep}`)
  }
  return (
    <div id={panelId} className="tools-panel" role="group" aria-label={t('card.controls')}>
      <button
        type="button"
        className="tool"
        aria-pressed={card.example}
        onClick={() => setExample(id, !card.example)}
      >
        <span className="tool__check" aria-hidden="true">
          {card.example ? '✓' : ''}
        </span>
        {t('card.exampleToggle')}
      </button>
      <div className="tool-row">
        <button ref={upRef} type="button" className="tool" disabled={index <= 0} onClick={() => step(-1)}>
          <span aria-hidden="true">↑</span> {t('card.moveUp')}
        </button>
        <button
          ref={downRef}
          type="button"
          className="tool"
          disabled={index < 0 || index >= ids.length - 1}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">↓</span> {t('card.moveDown')}
        </button>
      </div>
      <select
        ref={moveRef}
        className="tool tool--select"
        aria-label={t('card.moveToLabel')}
        value=""
        onChange={(event) => {
          const target = event.target.value
          if (!target) return
          if (moveCardToList(id, target === UNSORTED ? null : target)) requestFocus(`${id}:move`)
        }}
      >
        <option value="">{t('card.moveTo')}</option>
        {perspectiveIds.map((pid, i) =>
          pid === list.perspectiveId ? null : <PerspectiveOption key={pid} id={pid} number={i + 1} />,
        )}
        {list.perspectiveId !== null ? <option value={UNSORTED}>{t('board.unsorted')}</option> : null}
      </select>
      <button
        type="button"
        className="tool tool--danger"
        onClick={() => {
          openCardMenu(null)
          if (removeCard(id)) requestFocus('undo')
        }}
      >
        <span aria-hidden="true">✕</span> {t('card.delete')}
      </button>
      {role === 'facilitator' ? <CardModeration id={id} /> : null}
    </div>
  )
}
