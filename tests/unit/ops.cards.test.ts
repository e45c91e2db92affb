import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addCard,
  addPerspective,
  addTheme,
  cardsOf,
  countCards,
  deleteCard,
  moveCard,
  setCardExample,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { LIMITS } from '../../shared/schema'
import { countUpdates, firstTheme, newWorkshop, rawCard, replicaOf, snapshot } from './workshopFixture'

/** Card texts of one list (a perspective, or the theme's ideas to sort), in board order. */
function listTexts(doc: Y.Doc, themeId: string, perspectiveId: string | null): string[] {
  return readBoard(doc)
    .cards.filter((c) => c.place.themeId === themeId && c.place.perspectiveId === perspectiveId)
    .map((c) => c.text)
}

function setUp() {
  const { doc, themeIds } = newWorkshop()
  const themeId = firstTheme(themeIds)
  const otherThemeId = themeIds[1] ?? ''
  const perspectiveId = addPerspective(doc, { themeId, title: 'Aller vers les habitants' }) ?? ''
  return { doc, themeId, otherThemeId, perspectiveId }
}

function add(
  doc: Y.Doc,
  themeId: string,
  perspectiveId: string | null,
  text: string,
  index?: number,
): string {
  const id = addCard(doc, {
    themeId,
    perspectiveId,
    text,
    author: 'p-lucie',
    ...(index === undefined ? {} : { index }),
  })
  if (id === null) throw new Error(`could not add ${text}`)
  return id
}

describe('addCard', () => {
  it('adds a card among the ideas to sort or in a perspective, with its author and creation time', () => {
    const { doc, themeId, perspectiveId } = setUp()
    const before = Date.now()
    const looseId = add(doc, themeId, null, 'Un café des parents le samedi')
    const placedId = addCard(doc, {
      themeId,
      perspectiveId,
      text: 'Porte-à-porte',
      author: 'p-malik',
      example: true,
    })

    const cards = new Map(readBoard(doc).cards.map((c) => [c.id, c]))
    expect(cards.get(looseId)).toMatchObject({
      text: 'Un café des parents le samedi',
      place: { themeId, perspectiveId: null },
      example: false,
      author: 'p-lucie',
    })
    expect(cards.get(looseId)?.createdAt).toBeGreaterThanOrEqual(before)
    expect(cards.get(placedId ?? '')).toMatchObject({
      text: 'Porte-à-porte',
      place: { themeId, perspectiveId },
      example: true,
      author: 'p-malik',
    })
  })

  it('appends by default and inserts at the requested index', () => {
    const { doc, themeId, perspectiveId } = setUp()
    add(doc, themeId, perspectiveId, 'deux')
    add(doc, themeId, perspectiveId, 'quatre')
    add(doc, themeId, perspectiveId, 'un', 0)
    add(doc, themeId, perspectiveId, 'trois', 2)
    add(doc, themeId, perspectiveId, 'cinq', 99)
    expect(listTexts(doc, themeId, perspectiveId)).toEqual(['un', 'deux', 'trois', 'quatre', 'cinq'])
  })

  it('writes one transaction per card', () => {
    const { doc, themeId } = setUp()
    expect(countUpdates(doc, () => add(doc, themeId, null, 'Une idée')).updates).toBe(1)
  })

  it('returns null and writes nothing when the theme or the perspective is gone', () => {
    const { doc, themeId } = setUp()
    const before = snapshot(doc)
    const { result, updates } = countUpdates(doc, () => [
      addCard(doc, { themeId: 'gone', perspectiveId: null, text: 'x', author: 'p' }),
      addCard(doc, { themeId, perspectiveId: 'gone', text: 'x', author: 'p' }),
    ])
    expect(result).toEqual([null, null])
    expect(updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
  })

  it("refuses a perspective that belongs to another theme's board", () => {
    const { doc, otherThemeId, perspectiveId } = setUp()
    const before = snapshot(doc)
    expect(addCard(doc, { themeId: otherThemeId, perspectiveId, text: 'Égarée', author: 'p' })).toBeNull()
    expect(snapshot(doc)).toBe(before)
  })

  it('cuts a text longer than the card limit', () => {
    const { doc, themeId } = setUp()
    add(doc, themeId, null, 'é'.repeat(LIMITS.cardTextLength + 50))
    expect(readBoard(doc).cards[0]?.text).toBe('é'.repeat(LIMITS.cardTextLength))
  })

  it('drops an emoji that would only half fit in the limit, so every copy shows the same text', () => {
    const { doc, themeId } = setUp()
    const id = add(doc, themeId, null, `${'a'.repeat(LIMITS.cardTextLength - 1)}🙂`)
    const text = readBoard(doc).cards[0]?.text ?? ''
    expect(text).toBe('a'.repeat(LIMITS.cardTextLength - 1))
    expect(readBoard(replicaOf(doc)).cards.find((c) => c.id === id)?.text).toBe(text)
  })

  it('stops at the per-board limit, counting every list of the theme, and leaves other boards open', () => {
    const { doc, themeId, otherThemeId, perspectiveId } = setUp()
    doc.transact(() => {
      for (let i = 0; i < LIMITS.cardsPerBoard; i++)
        add(doc, themeId, i % 2 === 0 ? null : perspectiveId, `idée ${i}`)
    })
    expect(countCards(doc, themeId)).toBe(LIMITS.cardsPerBoard)
    const { result, updates } = countUpdates(doc, () =>
      addCard(doc, { themeId, perspectiveId: null, text: 'de trop', author: 'p' }),
    )
    expect(result).toBeNull()
    expect(updates).toBe(0)
    expect(
      addCard(doc, { themeId: otherThemeId, perspectiveId: null, text: 'ailleurs', author: 'p' }),
    ).not.toBeNull()
  })
})

describe('moveCard', () => {
  it('reorders a card within its list', () => {
    const { doc, themeId, perspectiveId } = setUp()
    const ids = ['a', 'b', 'c', 'd'].map((t) => add(doc, themeId, perspectiveId, t))
    expect(moveCard(doc, ids[0] ?? '', { themeId, perspectiveId, index: 2 })).toBe(true)
    expect(listTexts(doc, themeId, perspectiveId)).toEqual(['b', 'c', 'a', 'd'])
    moveCard(doc, ids[3] ?? '', { themeId, perspectiveId, index: 0 })
    expect(listTexts(doc, themeId, perspectiveId)).toEqual(['d', 'b', 'c', 'a'])
  })

  it('moves a card into a perspective, back to the ideas to sort, and to another board', () => {
    const { doc, themeId, otherThemeId, perspectiveId } = setUp()
    const id = add(doc, themeId, null, 'voyageuse')
    add(doc, themeId, perspectiveId, 'déjà là')

    moveCard(doc, id, { themeId, perspectiveId, index: 0 })
    expect(listTexts(doc, themeId, perspectiveId)).toEqual(['voyageuse', 'déjà là'])
    expect(listTexts(doc, themeId, null)).toEqual([])

    moveCard(doc, id, { themeId, perspectiveId: null, index: 0 })
    expect(listTexts(doc, themeId, null)).toEqual(['voyageuse'])

    moveCard(doc, id, { themeId: otherThemeId, perspectiveId: null, index: 0 })
    expect(listTexts(doc, otherThemeId, null)).toEqual(['voyageuse'])
    expect(countCards(doc, themeId)).toBe(1)
  })

  it('writes one transaction per move', () => {
    const { doc, themeId, perspectiveId } = setUp()
    const id = add(doc, themeId, null, 'x')
    expect(countUpdates(doc, () => moveCard(doc, id, { themeId, perspectiveId, index: 0 })).updates).toBe(1)
  })

  it('returns false and writes nothing when the card, the theme or the perspective is gone', () => {
    const { doc, themeId, perspectiveId } = setUp()
    const id = add(doc, themeId, null, 'x')
    const before = snapshot(doc)
    const { result, updates } = countUpdates(doc, () => [
      moveCard(doc, 'gone', { themeId, perspectiveId, index: 0 }),
      moveCard(doc, id, { themeId: 'gone', perspectiveId: null, index: 0 }),
      moveCard(doc, id, { themeId, perspectiveId: 'gone', index: 0 }),
    ])
    expect(result).toEqual([false, false, false])
    expect(updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
  })

  it("refuses a perspective that belongs to another theme's board", () => {
    const { doc, themeId, otherThemeId, perspectiveId } = setUp()
    const id = add(doc, themeId, null, 'x')
    const before = snapshot(doc)
    expect(moveCard(doc, id, { themeId: otherThemeId, perspectiveId, index: 0 })).toBe(false)
    expect(snapshot(doc)).toBe(before)
  })

  it('leaves a card in exactly one place when two people move it at once', () => {
    const { doc, themeId, perspectiveId } = setUp()
    const id = add(doc, themeId, null, 'disputée')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))

    moveCard(doc, id, { themeId, perspectiveId, index: 0 })
    const otherPerspective = addPerspective(other, { themeId, title: 'Autre' }) ?? ''
    moveCard(other, id, { themeId, perspectiveId: otherPerspective, index: 0 })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))

    expect(readBoard(doc)).toEqual(readBoard(other))
    expect(readBoard(doc).cards.filter((c) => c.id === id)).toHaveLength(1)
  })
})

describe('deleteCard', () => {
  it('deletes a card in one transaction', () => {
    const { doc, themeId } = setUp()
    const id = add(doc, themeId, null, 'à retirer')
    const kept = add(doc, themeId, null, 'à garder')
    const { result, updates } = countUpdates(doc, () => deleteCard(doc, id))
    expect(result).toBe(true)
    expect(updates).toBe(1)
    expect(readBoard(doc).cards.map((c) => c.id)).toEqual([kept])
  })

  it('returns false and writes nothing when the card is already gone', () => {
    const { doc, themeId } = setUp()
    const id = add(doc, themeId, null, 'x')
    deleteCard(doc, id)
    const before = snapshot(doc)
    expect(countUpdates(doc, () => deleteCard(doc, id))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })
})

describe('setCardExample', () => {
  it('marks a card as an example and back, one transaction each', () => {
    const { doc, themeId } = setUp()
    const id = add(doc, themeId, null, 'Le jardin partagé de la Duchère')
    expect(countUpdates(doc, () => setCardExample(doc, id, true))).toEqual({ result: true, updates: 1 })
    expect(readBoard(doc).cards[0]?.example).toBe(true)
    setCardExample(doc, id, false)
    expect(rawCard(doc, id).get('example')).toBe(false)
  })

  it('returns false and writes nothing when the card is gone', () => {
    const { doc } = setUp()
    const before = snapshot(doc)
    expect(countUpdates(doc, () => setCardExample(doc, 'gone', true))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })
})

describe('cardsOf and countCards', () => {
  it('lists one list in board order, optionally without one card, and counts a whole board', () => {
    const { doc, themeId, otherThemeId, perspectiveId } = setUp()
    const a = add(doc, themeId, perspectiveId, 'a')
    const b = add(doc, themeId, perspectiveId, 'b', 0)
    add(doc, themeId, null, 'c')
    add(doc, otherThemeId, null, 'd')
    expect(cardsOf(doc, themeId, perspectiveId).map((c) => c.id)).toEqual([b, a])
    expect(cardsOf(doc, themeId, perspectiveId, b).map((c) => c.id)).toEqual([a])
    expect(countCards(doc, themeId)).toBe(3)
    expect(countCards(doc, addTheme(doc, { name: 'Vide' }))).toBe(0)
  })
})
