import { memo, type KeyboardEvent } from 'react'
import type { VoteItem } from '../../../shared/voting'
import { useDotState } from '../../hooks/useDotState'
import { useT } from '../../i18n/useT'
import { addDot, removeDot } from '../../store'
import './vote.css'

/** What people read of an item on a vote button: its title, cut short. */
function shortLabel(label: string): string {
  const text = label.trim().replace(/\s+/g, ' ')
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/**
 * The dot buttons of one votable item: "Voter" and, once this person put a dot here, "Retirer un point", with their
 * own dots on it. A button that the budget or the per-item limit would refuse stays focusable (aria-disabled) and,
 * pressed anyway, lets the server say why. "+" and "−" do the same from the keyboard.
 */
export const VoteDots = memo(function VoteDots({ item, label }: { item: VoteItem; label: string }) {
  const t = useT()
  const state = useDotState(item)
  if (!state) return null
  const { mine, canAdd } = state
  const name = shortLabel(label) || t('board.untitled')
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === '+' || event.key === '=') void addDot(item.id)
    else if ((event.key === '-' || event.key === '−') && mine > 0) void removeDot(item.id)
    else return
    event.preventDefault()
  }
  return (
    <div
      className={`vote-dots${mine > 0 ? ' vote-dots--mine' : ''}`}
      role="group"
      aria-label={t('vote.itemGroup', { item: name })}
      onKeyDown={onKeyDown}
    >
      <span className="vote-dots__mine">
        <span className="vote-dots__pips" aria-hidden="true">
          {Array.from({ length: mine }, (_, i) => (
            <span key={i} className="vote-dots__pip" />
          ))}
        </span>
        <span className="visually-hidden">{t('vote.mine', { count: mine })}</span>
      </span>
      {mine > 0 ? (
        <button
          type="button"
          className="vote-button vote-button--remove"
          onClick={() => void removeDot(item.id)}
        >
          <span aria-hidden="true">−</span> {t('vote.removeShort')}{' '}
          <span className="visually-hidden">
            {t('vote.removeRest')} {t('vote.onItem', { item: name })}
          </span>
        </button>
      ) : null}
      <button
        type="button"
        className="vote-button vote-button--add"
        aria-disabled={!canAdd}
        onClick={() => void addDot(item.id)}
      >
        <span aria-hidden="true">+</span> {t('vote.add')}{' '}
        <span className="visually-hidden">{t('vote.onItem', { item: name })}</span>
      </button>
    </div>
  )
})
