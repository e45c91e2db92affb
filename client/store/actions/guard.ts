import type * as Y from 'yjs'
import { canEditTheme, canShapeWorkshop } from '../../../shared/rules'
import { currentDoc } from '../binding'
import { useLoupeStore } from '../store'

/**
 * The document to write to, if this person may change this theme now. Asking first matters: the server refuses
 * a forbidden update by dropping the connection, and the client then reloads the whole board.
 */
export function docForTheme(themeId: string): Y.Doc | null {
  const { session, control } = useLoupeStore.getState()
  const doc = currentDoc()
  if (!doc || !session || !canEditTheme(session.role, control, themeId)) return null
  return doc
}

/** The document, if this person shapes the workshop (adds themes, edits guiding questions). */
export function docForShaping(): Y.Doc | null {
  const { session } = useLoupeStore.getState()
  const doc = currentDoc()
  if (!doc || !session || !canShapeWorkshop(session.role)) return null
  return doc
}
