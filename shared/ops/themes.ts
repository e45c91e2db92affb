import * as Y from 'yjs'
import { roots } from '../doc'
import { newId } from '../ids'
import { keyAt, sortOrdered } from '../ordering'
import { readTheme } from '../read'
import { LIMITS } from '../schema'
import { clipText } from './text'

function textOf(value: string, max: number): Y.Text {
  return new Y.Text(clipText(value, max))
}

/** Adds a theme (a board) at the end, with optional guiding questions; returns its id. */
export function addTheme(doc: Y.Doc, input: { name: string; questions?: readonly string[] }): string {
  const id = newId()
  doc.transact(() => {
    const themes = roots(doc).themes
    const siblings = sortOrdered([...themes.entries()].map(([tid, m]) => readTheme(tid, m)))
    const theme = new Y.Map<unknown>()
    theme.set('key', keyAt(siblings, siblings.length))
    theme.set('name', textOf(input.name, LIMITS.themeNameLength))
    const questions = new Y.Array<Y.Text>()
    questions.push(
      (input.questions ?? []).slice(0, LIMITS.questionsPerTheme).map((q) => textOf(q, LIMITS.questionLength)),
    )
    theme.set('questions', questions)
    themes.set(id, theme)
  })
  return id
}

/** Appends a guiding question to a theme. */
export function addQuestion(doc: Y.Doc, themeId: string, question: string): boolean {
  const questions = roots(doc).themes.get(themeId)?.get('questions')
  if (!(questions instanceof Y.Array) || questions.length >= LIMITS.questionsPerTheme) return false
  doc.transact(() => questions.push([textOf(question, LIMITS.questionLength)]))
  return true
}

/** Removes the guiding question at `index`. */
export function deleteQuestion(doc: Y.Doc, themeId: string, index: number): boolean {
  const questions = roots(doc).themes.get(themeId)?.get('questions')
  if (!(questions instanceof Y.Array) || index < 0 || index >= questions.length) return false
  doc.transact(() => questions.delete(index, 1))
  return true
}

/** Deletes a theme with its perspectives and cards. */
export function deleteTheme(doc: Y.Doc, themeId: string): boolean {
  const r = roots(doc)
  if (!r.themes.has(themeId)) return false
  doc.transact(() => {
    for (const [id, p] of r.perspectives.entries())
      if (p.get('themeId') === themeId) r.perspectives.delete(id)
    for (const [id, c] of r.cards.entries()) {
      const place = c.get('place') as { themeId?: unknown } | undefined
      if (place?.themeId === themeId) r.cards.delete(id)
    }
    r.themes.delete(themeId)
  })
  return true
}
