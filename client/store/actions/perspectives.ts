import { addPerspective, deletePerspective, movePerspective } from '../../../shared/ops/perspectives'
import { t } from '../../i18n'
import { useLoupeStore } from '../store'
import { docForTheme } from './guard'

/** Adds a perspective at the end of a theme, titled so it is never blank on the projector, and focuses it. */
export function addPerspectiveTo(themeId: string): string | null {
  const doc = docForTheme(themeId)
  if (!doc) return null
  const id = addPerspective(doc, { themeId, title: t('board.newPerspectiveTitle') })
  if (id) useLoupeStore.setState({ focusId: id })
  return id
}

/** Moves a perspective one step left/up (-1) or right/down (+1) among its theme's perspectives. */
export function movePerspectiveBy(perspectiveId: string, step: -1 | 1): boolean {
  const { perspectivesById, perspectiveIdsByTheme } = useLoupeStore.getState()
  const perspective = perspectivesById[perspectiveId]
  if (!perspective) return false
  const ids = perspectiveIdsByTheme[perspective.themeId] ?? []
  const index = ids.indexOf(perspectiveId) + step
  if (index < 0 || index >= ids.length) return false
  const doc = docForTheme(perspective.themeId)
  if (!doc) return false
  return movePerspective(doc, perspectiveId, index)
}

/** Deletes a perspective; its cards go to the theme's ideas to sort. */
export function removePerspective(perspectiveId: string): boolean {
  const perspective = useLoupeStore.getState().perspectivesById[perspectiveId]
  const doc = perspective && docForTheme(perspective.themeId)
  return doc ? deletePerspective(doc, perspectiveId) : false
}
