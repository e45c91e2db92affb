import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addCard } from '../../shared/ops'
import { compareOrdered, keyAt, sortOrdered, type Ordered } from '../../shared/ordering'
import { readBoard } from '../../shared/read'
import { firstTheme, newWorkshop, replicaOf } from './workshopFixture'

/** Builds a sorted list of siblings from their keys, ids 'a', 'b', 'c'… in that order. */
function siblings(...keys: string[]): Ordered[] {
  return sortOrdered(keys.map((key, i) => ({ id: String.fromCharCode(97 + i), key })))
}

/** Where an item with `key` would show among `list` once sorted. */
function positionOf(list: readonly Ordered[], key: string): number {
  return sortOrdered([...list, { id: 'new', key }]).findIndex((o) => o.id === 'new')
}

describe('keyAt', () => {
  it('starts an empty list', () => {
    expect(keyAt([], 0)).toBe('a0')
  })

  it('places an item at the start, in the middle and at the end', () => {
    const list = siblings('a0', 'a1', 'a2')
    for (const index of [0, 1, 2, 3]) expect(positionOf(list, keyAt(list, index))).toBe(index)
  })

  it('clamps an index outside the list to its ends', () => {
    const list = siblings('a0', 'a1')
    expect(positionOf(list, keyAt(list, -5))).toBe(0)
    expect(positionOf(list, keyAt(list, 99))).toBe(2)
  })

  it('keeps finding room after many inserts at the same spot', () => {
    let list: Ordered[] = siblings('a0', 'a1')
    for (let i = 0; i < 200; i++) {
      const key = keyAt(list, 1)
      list = sortOrdered([...list, { id: `n${i}`, key }])
      expect(list[1]?.id).toBe(`n${i}`)
    }
    expect(new Set(list.map((o) => o.key)).size).toBe(list.length)
  })

  it('places an item after a tie left by two people inserting at the same spot', () => {
    const list = siblings('a0', 'a1', 'a1', 'a2')
    const inTie = keyAt(list, 2)
    expect(inTie > 'a1' && inTie < 'a2').toBe(true)
    expect(positionOf(list, inTie)).toBe(3)
    expect(positionOf(list, keyAt(list, 1))).toBe(1)
    expect(positionOf(list, keyAt(list, 4))).toBe(4)
    const allTied = siblings('a0', 'a0', 'a0')
    expect(positionOf(allTied, keyAt(allTied, 0))).toBe(0)
    expect(positionOf(allTied, keyAt(allTied, 1))).toBe(3)
  })

  it('gives concurrent inserts at the same spot the same key, and both cards survive in a stable order', () => {
    const { doc, themeIds } = newWorkshop('vide')
    const themeId = firstTheme(themeIds)
    addCard(doc, { themeId, perspectiveId: null, text: 'avant', author: 'p' })
    const other = replicaOf(doc)
    const mine = addCard(doc, { themeId, perspectiveId: null, text: 'la mienne', author: 'p1' }) ?? ''
    const theirs = addCard(other, { themeId, perspectiveId: null, text: 'la sienne', author: 'p2' }) ?? ''
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))

    const cards = readBoard(doc).cards
    expect(cards.find((c) => c.id === mine)?.place.key).toBe(cards.find((c) => c.id === theirs)?.place.key)
    expect(cards.slice(1).map((c) => c.id)).toEqual([mine, theirs].sort())
    expect(readBoard(other)).toEqual(readBoard(doc))

    // Inserting into the middle of the tie still works and lands right after it.
    addCard(doc, { themeId, perspectiveId: null, text: 'après', author: 'p', index: 2 })
    expect(
      readBoard(doc)
        .cards.map((c) => c.text)
        .at(-1),
    ).toBe('après')
  })
})

describe('sortOrdered and compareOrdered', () => {
  it('sorts by key, then by id so that ties read the same on every screen', () => {
    const items = [
      { id: 'z', key: 'a1' },
      { id: 'b', key: 'a2' },
      { id: 'a', key: 'a2' },
      { id: 'y', key: 'a0' },
    ]
    expect(sortOrdered(items).map((o) => o.id)).toEqual(['y', 'z', 'a', 'b'])
    expect(sortOrdered([...items].reverse())).toEqual(sortOrdered(items))
    expect(compareOrdered({ id: 'a', key: 'a0' }, { id: 'a', key: 'a0' })).toBe(0)
  })

  it('leaves its input untouched', () => {
    const items = [
      { id: 'b', key: 'a1' },
      { id: 'a', key: 'a0' },
    ]
    sortOrdered(items)
    expect(items.map((o) => o.id)).toEqual(['b', 'a'])
  })
})
