import { useSelectedThemeId } from '../../hooks/useSelectedThemeId'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { lockTheme, useLoupeStore } from '../../store'
import { Icon } from '../../ui/Icon'

/** Locks or unlocks the board on screen for participants (the facilitator can always write). */
export function LockToggle() {
  const t = useT()
  const themeId = useSelectedThemeId()
  const theme = useTheme(themeId ?? '')
  const locked = useLoupeStore((s) => themeId !== null && s.control.lockedThemes.includes(themeId))
  if (!themeId || !theme) return null
  const name = theme.name || t('board.untitledTheme')
  return (
    <button
      type="button"
      className={`facil-button facil-button--icon${locked ? ' facil-button--on' : ''}`}
      aria-pressed={locked}
      aria-label={t('facilitation.lock', { theme: name })}
      title={t(locked ? 'facilitation.unlockHint' : 'facilitation.lockHint', { theme: name })}
      onClick={() => void lockTheme(themeId, !locked)}
    >
      <Icon name="lock" />
    </button>
  )
}
