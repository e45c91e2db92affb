import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addCard,
  addPerspective,
  deletePerspective,
  moveCard,
  movePerspective,
  perspectivesOf,
} from '../../shared/ops'
import { effectivePerspectiveId, readBoard } from '../../shared/read'
import { LIMITS } from '../../shared/schema'
import { countUpdates, firstTheme, hasHalfEmoji, newWorkshop, replicaOf, snapshot } from './workshopFixture'

function setUp() {
  const { doc, themeIds } = newWorkshop()
  return { doc, themeId: firstTheme(themeIds), otherThemeId: themeIds[1] ?? '' }
}

function add(doc: Y.Doc, themeId: string, title: string, index?: number): string {
  const id = addPerspective(doc, { themeId, title, ...(index === undefined ? {} : { index }) })
  if (id === null) throw new Error(`could not add ${title}`)
  return id
}

function titles(doc: Y.Doc, themeId: string): string[] {
  return readBoard(doc)
    .perspectives.filter((p) => p.themeId === themeId)
    .map((p) => p.title)
}

function card(doc: Y.Doc, themeId: string, perspectiveId: string | null, text: string): string {
  const id = addCard(doc, { themeId, perspectiveId, text, author: 'p-ines' })
  if (id === null) throw new Error(`could not add ${text}`)
  return id
}

describe('addPerspective', () => {
  it('adds a numbered heading to a board with its title, description and creation time', () => {
    const { doc, themeId } = setUp()
    const before = Date.now()
    const id = addPerspective(doc, { themeId, title: 'Aller vers', description: 'Sortir des murs du centre' })
    expect(readBoard(doc).perspectives).toEqual([
      {
        id,
        themeId,
        key: expect.any(String),
        title: 'Aller vers',
        description: 'Sortir des murs du centre',
        createdAt: expect.any(Number),
      },
    ])
    expect(readBoard(doc).perspectives[0]?.createdAt).toBeGreaterThanOrEqual(before)
  })

  it('appends by default, inserts at the requested index, and keeps each board apart', () => {
    const { doc, themeId, otherThemeId } = setUp()
    add(doc, themeId, 'deux')
    add(doc, otherThemeId, 'ailleurs')
    add(doc, themeId, 'un', 0)
    add(doc, themeId, 'trois')
    expect(titles(doc, themeId)).toEqual(['un', 'deux', 'trois'])
    expect(titles(doc, otherThemeId)).toEqual(['ailleurs'])
    expect(perspectivesOf(doc, themeId).length).toBe(3)
  })

  it('cuts a title and a description longer than their limits', () => {
    const { doc, themeId } = setUp()
    addPerspective(doc, {
      themeId,
      title: 't'.repeat(LIMITS.perspectiveTitleLength + 1),
      description: 'd'.repeat(LIMITS.descriptionLength + 1),
    })
    const [perspective] = readBoard(doc).perspectives
    expect(perspective?.title).toHaveLength(LIMITS.perspectiveTitleLength)
    expect(perspective?.description).toHaveLength(LIMITS.descriptionLength)
  })

  it('never keeps half an emoji when cutting', () => {
    const { doc, themeId } = setUp()
    const title = `${'t'.repeat(LIMITS.perspectiveTitleLength - 1)}🙂`
    const description = `${'d'.repeat(LIMITS.descriptionLength - 1)}🙂`
    addPerspective(doc, { themeId, title, description })
    const [perspective] = readBoard(doc).perspectives
    expect(hasHalfEmoji(`${perspective?.title}${perspective?.description}`)).toBe(false)
    expect(readBoard(replicaOf(doc)).perspectives).toEqual(readBoard(doc).perspectives)
  })

  it('writes one transaction, or nothing when the theme is gone', () => {
    const { doc, themeId } = setUp()
    expect(countUpdates(doc, () => add(doc, themeId, 'x')).updates).toBe(1)
    const before = snapshot(doc)
    expect(countUpdates(doc, () => addPerspective(doc, { themeId: 'gone', title: 'x' }))).toEqual({
      result: null,
      updates: 0,
    })
    expect(snapshot(doc)).toBe(before)
  })
})

describe('movePerspective', () => {
  it('reorders a perspective within its own board, in one transaction', () => {
    const { doc, themeId, otherThemeId } = setUp()
    const [a, , c] = ['a', 'b', 'c'].map((t) => add(doc, themeId, t))
    add(doc, otherThemeId, 'ailleurs')
    expect(countUpdates(doc, () => movePerspective(doc, a ?? '', 2))).toEqual({ result: true, updates: 1 })
    expect(titles(doc, themeId)).toEqual(['b', 'c', 'a'])
    movePerspective(doc, c ?? '', 0)
    expect(titles(doc, themeId)).toEqual(['c', 'b', 'a'])
    expect(titles(doc, otherThemeId)).toEqual(['ailleurs'])
  })

  it('returns false and writes nothing when the perspective is gone', () => {
    const { doc } = setUp()
    const before = snapshot(doc)
    expect(countUpdates(doc, () => movePerspective(doc, 'gone', 0))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })
})

describe('deletePerspective', () => {
  it("sends the perspective's cards, in order, after the ideas to sort, in one transaction", () => {
    const { doc, themeId } = setUp()
    const doomed = add(doc, themeId, 'à supprimer')
    const kept = add(doc, themeId, 'gardée')
    card(doc, themeId, null, 'déjà en vrac')
    card(doc, themeId, doomed, 'un')
    card(doc, themeId, doomed, 'deux')
    card(doc, themeId, kept, 'reste')

    expect(countUpdates(doc, () => deletePerspective(doc, doomed))).toEqual({ result: true, updates: 1 })

    const board = readBoard(doc)
    expect(board.perspectives.map((p) => p.id)).toEqual([kept])
    const loose = board.cards.filter((c) => c.place.perspectiveId === null).map((c) => c.text)
    expect(loose).toEqual(['déjà en vrac', 'un', 'deux'])
    expect(board.cards.filter((c) => c.place.perspectiveId === kept).map((c) => c.text)).toEqual(['reste'])
  })

  it('returns false and writes nothing when the perspective is gone', () => {
    const { doc, themeId } = setUp()
    const id = add(doc, themeId, 'x')
    deletePerspective(doc, id)
    const before = snapshot(doc)
    expect(countUpdates(doc, () => deletePerspective(doc, id))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })

  it('loses no card moved into it by someone else at the same time', () => {
    const { doc, themeId } = setUp()
    const doomed = add(doc, themeId, 'à supprimer')
    const cardId = card(doc, themeId, null, 'rattrapée')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))

    deletePerspective(doc, doomed)
    expect(moveCard(other, cardId, { themeId, perspectiveId: doomed, index: 0 })).toBe(true)
    expect(addCard(other, { themeId, perspectiveId: doomed, text: 'ajoutée', author: 'p' })).not.toBeNull()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))

    const board = readBoard(doc)
    expect(board).toEqual(readBoard(other))
    const perspectives = new Map(board.perspectives.map((p) => [p.id, p]))
    expect(board.cards.map((c) => c.text).sort()).toEqual(['ajoutée', 'rattrapée'])
    expect(board.cards.every((c) => effectivePerspectiveId(c, perspectives) === null)).toBe(true)
    expect(board.cards.some((c) => c.id === cardId)).toBe(true)
  })
})
