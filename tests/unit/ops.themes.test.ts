import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, addPerspective, addQuestion, addTheme, deleteQuestion, deleteTheme } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { LIMITS } from '../../shared/schema'
import { countUpdates, firstTheme, hasHalfEmoji, newWorkshop, replicaOf, snapshot } from './workshopFixture'

function questionsOf(doc: Y.Doc, themeId: string): string[] | undefined {
  return readBoard(doc).themes.find((t) => t.id === themeId)?.questions
}

describe('addTheme', () => {
  it('adds a board at the end with its name and guiding questions, in one transaction', () => {
    const { doc } = newWorkshop()
    const { result: id, updates } = countUpdates(doc, () =>
      addTheme(doc, { name: 'Bénévolat', questions: ['Qui accueille les nouveaux bénévoles ?'] }),
    )
    expect(updates).toBe(1)
    const themes = readBoard(doc).themes
    expect(themes.map((t) => t.name)).toEqual(['Participation des habitants', 'Partenariats', 'Bénévolat'])
    expect(themes.at(-1)).toEqual({
      id,
      key: expect.any(String),
      name: 'Bénévolat',
      questions: ['Qui accueille les nouveaux bénévoles ?'],
    })
  })

  it('starts without questions when none are given', () => {
    const { doc } = newWorkshop('vide')
    expect(questionsOf(doc, addTheme(doc, { name: 'Sans question' }))).toEqual([])
  })

  it('cuts the name, each question and the number of questions to their limits', () => {
    const { doc } = newWorkshop('vide')
    const id = addTheme(doc, {
      name: 'n'.repeat(LIMITS.themeNameLength + 5),
      questions: Array.from({ length: LIMITS.questionsPerTheme + 3 }, (_, i) =>
        `${i}`.padEnd(LIMITS.questionLength + 5, '?'),
      ),
    })
    const theme = readBoard(doc).themes.find((t) => t.id === id)
    expect(theme?.name).toHaveLength(LIMITS.themeNameLength)
    expect(theme?.questions).toHaveLength(LIMITS.questionsPerTheme)
    expect(theme?.questions.every((q) => q.length === LIMITS.questionLength)).toBe(true)
    expect(theme?.questions[0]?.startsWith('0?')).toBe(true)
  })
  it('never keeps half an emoji when cutting a name or a question', () => {
    const { doc } = newWorkshop('vide')
    const id = addTheme(doc, {
      name: `${'n'.repeat(LIMITS.themeNameLength - 1)}🙂`,
      questions: [`${'q'.repeat(LIMITS.questionLength - 1)}🙂`],
    })
    addQuestion(doc, id, `${'r'.repeat(LIMITS.questionLength - 1)}🙂`)
    const theme = readBoard(doc).themes.find((t) => t.id === id)
    expect(hasHalfEmoji([theme?.name, ...(theme?.questions ?? [])].join(''))).toBe(false)
    expect(readBoard(replicaOf(doc)).themes).toEqual(readBoard(doc).themes)
  })
})

describe('addQuestion', () => {
  it('appends a guiding question in one transaction', () => {
    const { doc, themeIds } = newWorkshop()
    const themeId = firstTheme(themeIds)
    const before = questionsOf(doc, themeId) ?? []
    expect(countUpdates(doc, () => addQuestion(doc, themeId, 'Et les jeunes ?'))).toEqual({
      result: true,
      updates: 1,
    })
    expect(questionsOf(doc, themeId)).toEqual([...before, 'Et les jeunes ?'])
  })

  it('cuts a question longer than the limit', () => {
    const { doc, themeIds } = newWorkshop('vide')
    const themeId = firstTheme(themeIds)
    addQuestion(doc, themeId, 'q'.repeat(LIMITS.questionLength * 2))
    expect(questionsOf(doc, themeId)).toEqual(['q'.repeat(LIMITS.questionLength)])
  })

  it('refuses a question past the per-theme limit, and one for a theme that is gone', () => {
    const { doc, themeIds } = newWorkshop('vide')
    const themeId = firstTheme(themeIds)
    for (let i = 0; i < LIMITS.questionsPerTheme; i++)
      expect(addQuestion(doc, themeId, `Question ${i}`)).toBe(true)
    const before = snapshot(doc)
    const { result, updates } = countUpdates(doc, () => [
      addQuestion(doc, themeId, 'de trop'),
      addQuestion(doc, 'gone', 'x'),
    ])
    expect(result).toEqual([false, false])
    expect(updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
    expect(questionsOf(doc, themeId)).toHaveLength(LIMITS.questionsPerTheme)
  })
})

describe('deleteQuestion', () => {
  it('removes the question at an index in one transaction', () => {
    const { doc } = newWorkshop('vide')
    const themeId = addTheme(doc, { name: 'T', questions: ['un', 'deux', 'trois'] })
    expect(countUpdates(doc, () => deleteQuestion(doc, themeId, 1))).toEqual({ result: true, updates: 1 })
    expect(questionsOf(doc, themeId)).toEqual(['un', 'trois'])
  })

  it('returns false and writes nothing for an index out of range or a theme that is gone', () => {
    const { doc } = newWorkshop('vide')
    const themeId = addTheme(doc, { name: 'T', questions: ['un'] })
    const before = snapshot(doc)
    const { result, updates } = countUpdates(doc, () => [
      deleteQuestion(doc, themeId, 1),
      deleteQuestion(doc, themeId, -1),
      deleteQuestion(doc, 'gone', 0),
    ])
    expect(result).toEqual([false, false, false])
    expect(updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
  })
})

describe('deleteTheme', () => {
  it('deletes a board with its perspectives and cards, leaving the other boards whole, in one transaction', () => {
    const { doc, themeIds } = newWorkshop()
    const [doomed = '', kept = ''] = themeIds
    const doomedPerspective = addPerspective(doc, { themeId: doomed, title: 'partira' })
    addCard(doc, { themeId: doomed, perspectiveId: doomedPerspective, text: 'partira', author: 'p' })
    addCard(doc, { themeId: doomed, perspectiveId: null, text: 'partira aussi', author: 'p' })
    const keptPerspective = addPerspective(doc, { themeId: kept, title: 'reste' })
    addCard(doc, { themeId: kept, perspectiveId: keptPerspective, text: 'reste', author: 'p' })

    expect(countUpdates(doc, () => deleteTheme(doc, doomed))).toEqual({ result: true, updates: 1 })

    const board = readBoard(doc)
    expect(board.themes.map((t) => t.id)).toEqual([kept])
    expect(board.perspectives.map((p) => p.title)).toEqual(['reste'])
    expect(board.cards.map((c) => c.text)).toEqual(['reste'])
  })

  it('returns false and writes nothing when the theme is gone', () => {
    const { doc } = newWorkshop()
    const before = snapshot(doc)
    expect(countUpdates(doc, () => deleteTheme(doc, 'gone'))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })
})
