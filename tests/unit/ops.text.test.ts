import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addCard,
  addPerspective,
  deleteCard,
  deleteQuestion,
  resolveText,
  spliceText,
  type TextRef,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { LIMITS } from '../../shared/schema'
import { countUpdates, firstTheme, newWorkshop, replicaOf, snapshot } from './workshopFixture'

function setUp() {
  const { doc, themeIds } = newWorkshop()
  const themeId = firstTheme(themeIds)
  const perspectiveId =
    addPerspective(doc, { themeId, title: 'Aller vers', description: 'Hors les murs' }) ?? ''
  const cardId = addCard(doc, { themeId, perspectiveId, text: 'Un café des parents', author: 'p' }) ?? ''
  const card: TextRef = { kind: 'card', id: cardId, field: 'text' }
  return { doc, themeId, perspectiveId, cardId, card }
}

const textOf = (doc: Y.Doc, ref: TextRef) => resolveText(doc, ref)?.toString()

describe('resolveText', () => {
  it('finds the text behind every kind of reference', () => {
    const { doc, themeId, perspectiveId, card } = setUp()
    expect(textOf(doc, { kind: 'theme', id: themeId, field: 'name' })).toBe('Participation des habitants')
    expect(textOf(doc, { kind: 'question', id: themeId, index: 1 })).toBe(
      readBoard(doc).themes[0]?.questions[1],
    )
    expect(textOf(doc, { kind: 'perspective', id: perspectiveId, field: 'title' })).toBe('Aller vers')
    expect(textOf(doc, { kind: 'perspective', id: perspectiveId, field: 'description' })).toBe(
      'Hors les murs',
    )
    expect(textOf(doc, card)).toBe('Un café des parents')
  })

  it('returns null when the record or the question is gone', () => {
    const { doc, themeId } = setUp()
    expect(resolveText(doc, { kind: 'theme', id: 'gone', field: 'name' })).toBeNull()
    expect(resolveText(doc, { kind: 'question', id: themeId, index: 99 })).toBeNull()
    expect(resolveText(doc, { kind: 'question', id: 'gone', index: 0 })).toBeNull()
    expect(resolveText(doc, { kind: 'perspective', id: 'gone', field: 'title' })).toBeNull()
    expect(resolveText(doc, { kind: 'card', id: 'gone', field: 'text' })).toBeNull()
  })
})

describe('spliceText', () => {
  it('inserts, deletes and replaces, one transaction per call', () => {
    const { doc, card } = setUp()
    expect(countUpdates(doc, () => spliceText(doc, card, 0, 0, 'Ouvrir '))).toEqual({
      result: true,
      updates: 1,
    })
    expect(textOf(doc, card)).toBe('Ouvrir Un café des parents')
    expect(countUpdates(doc, () => spliceText(doc, card, 7, 2, 'un'))).toEqual({ result: true, updates: 1 })
    expect(textOf(doc, card)).toBe('Ouvrir un café des parents')
    spliceText(doc, card, 14, 12, '')
    expect(textOf(doc, card)).toBe('Ouvrir un café')
  })

  it('clamps an index or a count that runs past the text', () => {
    const { doc, card } = setUp()
    spliceText(doc, card, 999, 5, ' du samedi')
    expect(textOf(doc, card)).toBe('Un café des parents du samedi')
    spliceText(doc, card, -3, 3, '')
    expect(textOf(doc, card)).toBe('café des parents du samedi')
    spliceText(doc, card, 20, 999, '')
    expect(textOf(doc, card)).toBe('café des parents du ')
  })

  it('edits question, perspective and theme texts too', () => {
    const { doc, themeId, perspectiveId } = setUp()
    spliceText(doc, { kind: 'theme', id: themeId, field: 'name' }, 0, 13, 'Pouvoir d’agir')
    spliceText(doc, { kind: 'perspective', id: perspectiveId, field: 'description' }, 0, 0, 'Aller ')
    spliceText(doc, { kind: 'question', id: themeId, index: 0 }, 0, 999, 'Que disent les chiffres ?')
    const board = readBoard(doc)
    expect(board.themes[0]?.name).toBe('Pouvoir d’agir des habitants')
    expect(board.themes[0]?.questions[0]).toBe('Que disent les chiffres ?')
    expect(board.perspectives[0]?.description).toBe('Aller Hors les murs')
  })

  it('returns false and writes nothing when the record is gone', () => {
    const { doc, themeId, cardId, card } = setUp()
    deleteCard(doc, cardId)
    while (deleteQuestion(doc, themeId, 0));
    const before = snapshot(doc)
    const { result, updates } = countUpdates(doc, () => [
      spliceText(doc, card, 0, 0, 'x'),
      spliceText(doc, { kind: 'question', id: themeId, index: 0 }, 0, 0, 'x'),
    ])
    expect(result).toEqual([false, false])
    expect(updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
  })

  it('keeps every text within its limit, whatever is typed or pasted', () => {
    const { doc, themeId, perspectiveId, card } = setUp()
    const long = 'x'.repeat(5000)
    spliceText(doc, card, 3, 0, long)
    expect(textOf(doc, card)).toHaveLength(LIMITS.cardTextLength)
    expect(textOf(doc, card)?.startsWith('Un x')).toBe(true)
    expect(textOf(doc, card)?.endsWith('xcafé des parents')).toBe(true)

    // A replacement may use the room its deletion frees, no more.
    spliceText(doc, card, 0, 2, 'Deux')
    expect(textOf(doc, card)?.startsWith('De x')).toBe(true)
    expect(textOf(doc, card)).toHaveLength(LIMITS.cardTextLength)

    const limited: [TextRef, number][] = [
      [{ kind: 'theme', id: themeId, field: 'name' }, LIMITS.themeNameLength],
      [{ kind: 'question', id: themeId, index: 0 }, LIMITS.questionLength],
      [{ kind: 'perspective', id: perspectiveId, field: 'title' }, LIMITS.perspectiveTitleLength],
      [{ kind: 'perspective', id: perspectiveId, field: 'description' }, LIMITS.descriptionLength],
    ]
    for (const [ref, max] of limited) {
      spliceText(doc, ref, 0, 0, long)
      expect(textOf(doc, ref)).toHaveLength(max)
    }
  })

  it('drops an emoji that would only half fit, so every copy shows the same text', () => {
    const { doc, card } = setUp()
    spliceText(doc, card, 0, 999, 'y'.repeat(LIMITS.cardTextLength - 1))
    spliceText(doc, card, 0, 0, '🙂')
    expect(textOf(doc, card)).toBe('y'.repeat(LIMITS.cardTextLength - 1))
    expect(textOf(replicaOf(doc), card)).toBe(textOf(doc, card))
  })

  it('writes nothing when the text is full and nothing is deleted', () => {
    const { doc, card } = setUp()
    spliceText(doc, card, 0, 999, 'y'.repeat(LIMITS.cardTextLength))
    expect(countUpdates(doc, () => spliceText(doc, card, 0, 0, 'z')).updates).toBe(0)
  })

  it('keeps both typists’ letters when two people type in the same card at once', () => {
    const { doc, card } = setUp()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    spliceText(doc, card, 0, 0, 'Samedi : ')
    spliceText(other, card, 19, 0, ' et des grands-parents')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    expect(textOf(doc, card)).toBe('Samedi : Un café des parents et des grands-parents')
    expect(textOf(other, card)).toBe(textOf(doc, card))
  })
})
