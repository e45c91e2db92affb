import * as Y from 'yjs'
import { roots, textField } from '../doc'

/** The address of one co-edited text: a field of a theme, perspective or card, or a theme's guiding question. */
export type TextRef =
  | { kind: 'theme'; id: string; field: 'name' }
  | { kind: 'question'; id: string; index: number }
  | { kind: 'perspective'; id: string; field: 'title' | 'description' }
  | { kind: 'card'; id: string; field: 'text' }

/** Finds the Y.Text behind a reference, or null when its record was deleted meanwhile. */
export function resolveText(doc: Y.Doc, ref: TextRef): Y.Text | null {
  const r = roots(doc)
  switch (ref.kind) {
    case 'theme': {
      const theme = r.themes.get(ref.id)
      return theme ? textField(theme, ref.field) : null
    }
    case 'question': {
      const questions = r.themes.get(ref.id)?.get('questions')
      const text = questions instanceof Y.Array ? questions.get(ref.index) : null
      return text instanceof Y.Text ? text : null
    }
    case 'perspective': {
      const perspective = r.perspectives.get(ref.id)
      return perspective ? textField(perspective, ref.field) : null
    }
    case 'card': {
      const card = r.cards.get(ref.id)
      return card ? textField(card, ref.field) : null
    }
  }
}

/**
 * Replaces `deleteCount` characters at `index` with `insert`, so that concurrent typists both keep their letters.
 * @example spliceText(doc, { kind: 'card', id, field: 'text' }, 0, 0, 'Aller vers ')
 */
export function spliceText(doc: Y.Doc, ref: TextRef, index: number, deleteCount: number, insert: string): boolean {
  const text = resolveText(doc, ref)
  if (!text) return false
  doc.transact(() => {
    const start = Math.max(0, Math.min(index, text.length))
    const count = Math.max(0, Math.min(deleteCount, text.length - start))
    if (count > 0) text.delete(start, count)
    if (insert) text.insert(start, insert)
  })
  return true
}

/**
 * The smallest single splice that turns `before` into `after` (common prefix and suffix kept), as a text input
 * produces it; `caret` disambiguates repeated letters ("aa" -> "aaa").
 */
export function diffText(before: string, after: string, caret = after.length) {
  let prefix = 0
  const maxPrefix = Math.min(before.length, after.length, caret)
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  const maxSuffix = Math.min(before.length - prefix, after.length - prefix)
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}
