import type { ThemeAccess } from '../../hooks/useThemeAccess'
import { usePhase } from '../../hooks/usePhase'
import { useT } from '../../i18n/useT'
import { Icon } from '../../ui/Icon'

/** Says why the board cannot be changed right now (phase or lock), in words, not only by the missing buttons. */
export function ReadOnlyNotice({ access }: { access: Exclude<ThemeAccess, 'editable'> }) {
  const t = useT()
  const phase = usePhase()
  return (
    <p className="notice" role="note">
      <Icon name="lock" />
      {access === 'locked'
        ? t('board.readOnlyLocked')
        : t('board.readOnlyPhase', { phase: t(`phase.${phase}`) })}
    </p>
  )
}
