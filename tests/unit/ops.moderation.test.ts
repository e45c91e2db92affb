import { describe, expect, it } from 'vitest'
import { readControl, roots } from '../../shared/doc'
import {
  addCard,
  addPerspective,
  isCardHidden,
  markParticipantRemoved,
  mergeCards,
  putRosterEntry,
  setCardHidden,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { LIMITS } from '../../shared/schema'
import { countUpdates, firstTheme, newWorkshop, snapshot } from './workshopFixture'

function setUp() {
  const { doc, themeIds } = newWorkshop()
  const themeId = firstTheme(themeIds)
  const perspectiveId = addPerspective(doc, { themeId, title: 'Aller vers les habitants' })!
  const card = (text: string) => addCard(doc, { themeId, perspectiveId, text, author: 'p-a' })!
  return { doc, card }
}

const textOf = (doc: ReturnType<typeof setUp>['doc'], id: string) =>
  readBoard(doc).cards.find((c) => c.id === id)?.text

describe('setCardHidden', () => {
  it('hides and shows a card, one transaction each, without duplicates', () => {
    const { doc, card } = setUp()
    const id = card('Un café des parents')
    expect(countUpdates(doc, () => setCardHidden(doc, id, true)).updates).toBe(1)
    setCardHidden(doc, id, true)
    expect(readControl(doc).hiddenCards).toEqual([id])
    expect(isCardHidden(doc, id)).toBe(true)
    setCardHidden(doc, id, false)
    expect(readControl(doc).hiddenCards).toEqual([])
  })

  it('refuses to hide a card that does not exist', () => {
    const { doc } = setUp()
    const before = snapshot(doc)
    expect(setCardHidden(doc, 'nothing', true)).toBe(false)
    expect(snapshot(doc)).toBe(before)
  })
})

describe('mergeCards', () => {
  it("appends the source's text on a new line and deletes the source, in one transaction", () => {
    const { doc, card } = setUp()
    const source = card('Aller au marché')
    const target = card('Porte-à-porte')
    setCardHidden(doc, source, true)
    expect(countUpdates(doc, () => mergeCards(doc, source, target))).toEqual({ result: true, updates: 1 })
    expect(textOf(doc, target)).toBe('Porte-à-porte\nAller au marché')
    expect(roots(doc).cards.has(source)).toBe(false)
    expect(readControl(doc).hiddenCards).toEqual([])
  })

  it('keeps the merged text within the card limit', () => {
    const { doc, card } = setUp()
    const target = card('a'.repeat(LIMITS.cardTextLength - 3))
    const source = card('bbbbbb')
    mergeCards(doc, source, target)
    expect(textOf(doc, target)).toBe(`${'a'.repeat(LIMITS.cardTextLength - 3)}\nbb`)
  })

  it('refuses a missing card or a card merged into itself', () => {
    const { doc, card } = setUp()
    const id = card('Seule')
    const before = snapshot(doc)
    expect(mergeCards(doc, id, id)).toBe(false)
    expect(mergeCards(doc, 'nothing', id)).toBe(false)
    expect(mergeCards(doc, id, 'nothing')).toBe(false)
    expect(snapshot(doc)).toBe(before)
  })
})

describe('markParticipantRemoved', () => {
  it('keeps the roster entry, marked removed', () => {
    const { doc } = setUp()
    putRosterEntry(doc, 'p-a', { name: 'Lucie', centre: 'CS Lavoir', role: 'participant', joinedAt: 1 })
    expect(markParticipantRemoved(doc, 'p-a')).toBe(true)
    expect(roots(doc).roster.get('p-a')).toEqual({
      name: 'Lucie',
      centre: 'CS Lavoir',
      role: 'participant',
      joinedAt: 1,
      removed: true,
    })
    expect(markParticipantRemoved(doc, 'nobody')).toBe(false)
  })
})
