import type { VoteSettings } from '../../../shared/voting'
import { useTheme } from '../../hooks/useTheme'
import { plural } from '../../i18n/plural'
import { useLanguage, useT } from '../../i18n/useT'

/** "On vote pour les perspectives de « Partenariats », 2 points au plus par élément." */
export function useRulesText(settings: VoteSettings): string {
  const t = useT()
  const language = useLanguage()
  const theme = useTheme(settings.scope.kind === 'theme' ? settings.scope.themeId : '')
  const what = t(`vote.targets.${settings.targets}`)
  const perItem =
    settings.maxPerItem > 1
      ? plural(
          t,
          language,
          { one: 'vote.maxPerItem.one', other: 'vote.maxPerItem.other' },
          settings.maxPerItem,
        )
      : t('vote.onePerItem')
  const rules = theme
    ? t('vote.rulesTheme', { what, theme: theme.name || t('board.untitledTheme') })
    : t('vote.rules', { what })
  return `${rules} ${perItem} ${t(settings.anonymous ? 'vote.anonymous' : 'vote.named')}`
}
