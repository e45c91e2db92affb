import { LIMITS } from '../../../shared/schema'
import { useCanShape, useThemeAccess } from '../../hooks/useThemeAccess'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { ThemeData } from '../data/ThemeData'
import { CollaborativeField } from './CollaborativeField'
import { GuidingQuestions } from './GuidingQuestions'
import { PerspectiveList } from './PerspectiveList'
import { ReadOnlyNotice } from './ReadOnlyNotice'
import { UnsortedColumn } from './UnsortedColumn'

/** One theme's board: guiding questions, numbered perspectives, ideas to sort. */
export function ThemePanel({ themeId }: { themeId: string }) {
  const t = useT()
  const theme = useTheme(themeId)
  const access = useThemeAccess(themeId)
  const canShape = useCanShape()
  if (!theme) return null
  const editable = access === 'editable'
  return (
    <section
      role="tabpanel"
      id={`panel-${themeId}`}
      aria-labelledby={`tab-${themeId}`}
      className="theme"
      tabIndex={-1}
    >
      <h2 className="visually-hidden">{theme.name || t('board.untitledTheme')}</h2>
      {canShape ? (
        <div className="theme__name">
          <CollaborativeField
            textRef={{ kind: 'theme', id: themeId, field: 'name' }}
            label={t('board.themeName')}
            maxLength={LIMITS.themeNameLength}
            className="theme__name-field"
            singleLine
          />
        </div>
      ) : null}
      <GuidingQuestions themeId={themeId} />
      {access !== 'editable' ? <ReadOnlyNotice access={access} /> : null}
      <ThemeData themeId={themeId} />
      <div className="theme__board">
        <PerspectiveList themeId={themeId} editable={editable} />
        <UnsortedColumn themeId={themeId} editable={editable} />
      </div>
    </section>
  )
}
