import { useRef, type KeyboardEvent } from 'react'
import { useCanShape } from '../../hooks/useThemeAccess'
import { useSelectedThemeId } from '../../hooks/useSelectedThemeId'
import { useThemes } from '../../hooks/useThemes'
import { useT } from '../../i18n/useT'
import { addThemeNamed, selectTheme } from '../../store'

/** One tab per theme (ARIA tabs: arrows, Home and End move between them), and the facilitator's "add a board". */
export function ThemeTabs() {
  const t = useT()
  const themes = useThemes()
  const selected = useSelectedThemeId()
  const canShape = useCanShape()
  const listRef = useRef<HTMLDivElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = themes.findIndex((theme) => theme.id === selected)
    const last = themes.length - 1
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % themes.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + themes.length) % themes.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null || themes.length === 0) return
    event.preventDefault()
    const theme = themes[next]
    if (!theme) return
    selectTheme(theme.id)
    listRef.current?.ownerDocument.getElementById(`tab-${theme.id}`)?.focus()
  }

  return (
    <div className="theme-tabs">
      <div
        ref={listRef}
        role="tablist"
        aria-label={t('board.themes')}
        className="theme-tabs__list"
        onKeyDown={onKeyDown}
      >
        {themes.map((theme) => {
          const active = theme.id === selected
          return (
            <button
              key={theme.id}
              id={`tab-${theme.id}`}
              type="button"
              role="tab"
              className="theme-tab"
              aria-selected={active}
              aria-controls={`panel-${theme.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => selectTheme(theme.id)}
            >
              {theme.name.trim() || t('board.untitledTheme')}
            </button>
          )
        })}
      </div>
      {canShape ? (
        <button type="button" className="button button--add theme-tabs__add" onClick={() => addThemeNamed()}>
          <span aria-hidden="true">+</span> {t('board.addTheme')}
        </button>
      ) : null}
    </div>
  )
}
