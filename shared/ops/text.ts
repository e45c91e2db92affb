import * as Y from 'yjs'
import { roots, textField } from '../doc'
import { LIMITS } from '../schema'

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

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** Cuts `value` to `max` UTF-16 units, dropping an emoji that would only half fit (Yjs would garble the half). */
export function clipText(value: string, max: number): string {
  if (value.length <= max) return value
  const cut = value.slice(0, Math.max(0, max))
  return isHighSurrogate(cut.charCodeAt(cut.length - 1)) ? cut.slice(0, -1) : cut
}

/** The longest each co-edited text may grow, as the ops that create these texts cut them. */
function maxLength(ref: TextRef): number {
  if (ref.kind === 'card') return LIMITS.cardTextLength
  if (ref.kind === 'theme') return LIMITS.themeNameLength
  if (ref.kind === 'question') return LIMITS.questionLength
  return ref.field === 'title' ? LIMITS.perspectiveTitleLength : LIMITS.descriptionLength
}

/**
 * Replaces `deleteCount` characters at `index` with `insert`, so that concurrent typists both keep their letters;
 * what would not fit within the text's limit is left out.
 * @example spliceText(doc, { kind: 'card', id, field: 'text' }, 0, 0, 'Aller vers ')
 */
export function spliceText(
  doc: Y.Doc,
  ref: TextRef,
  index: number,
  deleteCount: number,
  insert: string,
): boolean {
  const text = resolveText(doc, ref)
  if (!text) return false
  doc.transact(() => {
    const start = Math.max(0, Math.min(index, text.length))
    const count = Math.max(0, Math.min(deleteCount, text.length - start))
    const room = Math.max(0, maxLength(ref) - (text.length - count))
    if (count > 0) text.delete(start, count)
    if (insert && room > 0) text.insert(start, clipText(insert, room))
  })
  return true
}

/**
 * The smallest single splice that turns `before` into `after` (common prefix and suffix kept), as a text input
 * produces it; `caret` disambiguates repeated letters ("aa" -> "aaa"). Emoji are never split.
 */
export function diffText(before: string, after: string, caret = after.length) {
  let prefix = 0
  // Typed text ends at the caret, so the unchanged prefix stops where the typing began.
  const maxPrefix = Math.min(before.length, after.length, caret - Math.max(0, after.length - before.length))
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++
  // Yjs garbles half a surrogate pair (it becomes U+FFFD on the wire): keep each emoji whole in the splice.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  const maxSuffix = Math.min(before.length - prefix, after.length - prefix)
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}
