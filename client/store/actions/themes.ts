import { addQuestion, addTheme, deleteQuestion } from '../../../shared/ops/themes'
import { LIMITS } from '../../../shared/schema'
import { t } from '../../i18n'
import { useLoupeStore } from '../store'
import { docForShaping } from './guard'

/** Shows one theme's board. */
export function selectTheme(themeId: string): void {
  useLoupeStore.setState({ selectedThemeId: themeId })
}

/** Facilitator: adds a board at the end and opens it. */
export function addThemeNamed(name = t('board.newThemeName')): string | null {
  const doc = docForShaping()
  if (!doc || useLoupeStore.getState().themeIds.length >= LIMITS.themesPerWorkshop) return null
  const id = addTheme(doc, { name })
  useLoupeStore.setState({ selectedThemeId: id })
  return id
}

/** Facilitator: appends a guiding question and focuses it. */
export function addQuestionTo(themeId: string, text = t('board.newQuestion')): boolean {
  const doc = docForShaping()
  if (!doc) return false
  const added = addQuestion(doc, themeId, text)
  const count = useLoupeStore.getState().themesById[themeId]?.questions.length ?? 0
  if (added) useLoupeStore.setState({ focusId: `${themeId}/q${count - 1}` })
  return added
}

/** Facilitator: removes a guiding question. */
export function removeQuestion(themeId: string, index: number): boolean {
  const doc = docForShaping()
  return doc ? deleteQuestion(doc, themeId, index) : false
}
