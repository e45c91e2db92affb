import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard, diffText, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { firstTheme, hasHalfEmoji, newWorkshop, replicaOf } from './workshopFixture'

/** A card holding `text`, the way a text field would hold it before an edit. */
function cardWith(text: string): { doc: Y.Doc; ref: TextRef } {
  const { doc, themeIds } = newWorkshop('vide')
  const id = addCard(doc, { themeId: firstTheme(themeIds), perspectiveId: null, text, author: 'p' }) ?? ''
  return { doc, ref: { kind: 'card', id, field: 'text' } }
}

/** Applies what a text field reports (old value, new value, caret) the way the board does, through spliceText. */
function applyEdit(doc: Y.Doc, ref: TextRef, before: string, after: string, caret?: number): void {
  const { index, deleteCount, insert } = diffText(before, after, caret)
  spliceText(doc, ref, index, deleteCount, insert)
}

const text = (doc: Y.Doc, ref: TextRef) => resolveText(doc, ref)?.toString()

describe('diffText', () => {
  it('finds a single insertion, deletion or replacement', () => {
    expect(diffText('café des parents', 'café des grands-parents')).toEqual({
      index: 9,
      deleteCount: 0,
      insert: 'grands-',
    })
    expect(diffText('café des parents', 'café parents')).toEqual({ index: 5, deleteCount: 4, insert: '' })
    expect(diffText('café des parents', 'café des habitants')).toEqual({
      index: 9,
      deleteCount: 4,
      insert: 'habita',
    })
    expect(diffText('identique', 'identique')).toEqual({ index: 9, deleteCount: 0, insert: '' })
    expect(diffText('', 'tout neuf')).toEqual({ index: 0, deleteCount: 0, insert: 'tout neuf' })
    expect(diffText('tout effacé', '')).toEqual({ index: 0, deleteCount: 11, insert: '' })
  })

  it('uses the caret to tell which of several repeated letters was typed or deleted', () => {
    // "aa" -> "aaa": the caret lands right after the new letter.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, deleteCount: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, deleteCount: 0, insert: 'a' })
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, deleteCount: 0, insert: 'a' })
    // "aaa" -> "aa": the caret stays where the letter was.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, deleteCount: 1, insert: '' })
    expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, deleteCount: 1, insert: '' })
    expect(diffText('aaa', 'aa', 2)).toEqual({ index: 2, deleteCount: 1, insert: '' })
    // A pasted word that repeats its neighbour.
    expect(diffText('ab', 'abab', 2)).toEqual({ index: 0, deleteCount: 0, insert: 'ab' })
  })

  it('lands a paste where it was made even when someone edits next to it at the same time', () => {
    const { doc, ref } = cardWith('bonbon')
    const other = replicaOf(doc)
    applyEdit(doc, ref, 'bonbon', 'bonbonbon', 3) // pasted "bon" at the very start
    applyEdit(other, ref, 'bonbon', 'bonXbon', 4) // typed "X" in the middle
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    expect(text(doc, ref)).toBe('bonbonXbon')
    expect(text(other, ref)).toBe('bonbonXbon')
  })

  it('replaces an emoji whole, so every copy of the card shows the new one', () => {
    for (const [before, after] of [
      ['😀', '😃'],
      ['Bravo 😀 !', 'Bravo 😃 !'],
      ['👍🏽', '👍🏿'],
      ['Merci 🙏', 'Merci 🙏🙏'],
      ['Merci 🙏🙏', 'Merci 🙏'],
    ] as const) {
      const { doc, ref } = cardWith(before)
      applyEdit(doc, ref, before, after)
      expect(text(doc, ref)).toBe(after)
      expect(text(replicaOf(doc), ref)).toBe(after)
    }
  })

  it('reproduces any edit through spliceText, emoji included', () => {
    const letters = fc.string({
      unit: fc.constantFrom('a', 'b', 'é', ' ', '😀', '😃', '👍🏽', '🏿'),
      maxLength: 12,
    })
    fc.assert(
      fc.property(letters, letters, fc.nat(), (before, after, rawCaret) => {
        const caret = rawCaret % (after.length + 1)
        const { doc, ref } = cardWith(before)
        applyEdit(doc, ref, before, after, caret)
        expect(text(doc, ref)).toBe(after)
        expect(text(replicaOf(doc), ref)).toBe(after)
      }),
      { seed: 20250314, numRuns: 300 },
    )
  })

  it('reports a typed or deleted run exactly where the caret says it happened', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', '😀', '🙏'), maxLength: 10 })
    fc.assert(
      fc.property(letters, letters, fc.nat(), fc.nat(), (before, typed, rawAt, rawLength) => {
        const units = [...before]
        const at = [...units.slice(0, rawAt % (units.length + 1))].join('').length
        expect(diffText(before, before.slice(0, at) + typed + before.slice(at), at + typed.length)).toEqual({
          index: at,
          deleteCount: 0,
          insert: typed,
        })
        const removed = [...before.slice(at)].slice(0, rawLength % (units.length + 1)).join('').length
        const shorter = before.slice(0, at) + before.slice(at + removed)
        expect(diffText(before, shorter, at)).toEqual({ index: at, deleteCount: removed, insert: '' })
      }),
      { seed: 20250314, numRuns: 300 },
    )
  })

  it('never splits an emoji in the splice it reports', () => {
    const letters = fc.string({ unit: fc.constantFrom('x', '😀', '😃', '👍🏽', '👍🏿'), maxLength: 8 })
    fc.assert(
      fc.property(letters, letters, (before, after) => {
        const { index, deleteCount, insert } = diffText(before, after)
        expect(hasHalfEmoji(insert)).toBe(false)
        expect(hasHalfEmoji(before.slice(0, index))).toBe(false)
        expect(hasHalfEmoji(before.slice(index + deleteCount))).toBe(false)
      }),
      { seed: 20250314, numRuns: 300 },
    )
  })
})
