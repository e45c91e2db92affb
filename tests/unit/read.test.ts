import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { roots } from '../../shared/doc'
import { addCard, addPerspective, addTheme, deletePerspective } from '../../shared/ops'
import { effectivePerspectiveId, readBoard, readCard, readPerspective, readTheme } from '../../shared/read'
import type { CardRecord, PerspectiveRecord } from '../../shared/schema'
import { firstTheme, newWorkshop } from './workshopFixture'

function perspectiveMap(board: { perspectives: PerspectiveRecord[] }): Map<string, PerspectiveRecord> {
  return new Map(board.perspectives.map((p) => [p.id, p]))
}

function placedCard(themeId: string, perspectiveId: string | null): CardRecord {
  return {
    id: 'c',
    text: '',
    place: { themeId, perspectiveId, key: 'a0' },
    example: false,
    author: '',
    createdAt: 0,
  }
}

describe('readBoard', () => {
  it('lists themes, perspectives and cards in board order, ties broken by id', () => {
    const doc = new Y.Doc()
    const r = roots(doc)
    const record = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      for (const [field, value] of Object.entries(fields)) map.set(field, value)
      return map
    }
    doc.transact(() => {
      r.themes.set('t2', record({ key: 'a1', name: new Y.Text('Deux') }))
      r.themes.set('t1', record({ key: 'a0', name: new Y.Text('Un') }))
      r.perspectives.set('pb', record({ themeId: 't1', key: 'a1', title: new Y.Text('B') }))
      r.perspectives.set('pc', record({ themeId: 't1', key: 'a0', title: new Y.Text('C') }))
      r.perspectives.set('pa', record({ themeId: 't1', key: 'a1', title: new Y.Text('A') }))
      r.cards.set(
        'cz',
        record({ text: new Y.Text('z'), place: { themeId: 't1', perspectiveId: null, key: 'a0' } }),
      )
      r.cards.set(
        'cy',
        record({ text: new Y.Text('y'), place: { themeId: 't1', perspectiveId: null, key: 'a0' } }),
      )
      r.cards.set(
        'cx',
        record({ text: new Y.Text('x'), place: { themeId: 't1', perspectiveId: null, key: 'Zz' } }),
      )
    })
    const board = readBoard(doc)
    expect(board.themes.map((t) => t.name)).toEqual(['Un', 'Deux'])
    expect(board.perspectives.map((p) => p.id)).toEqual(['pc', 'pa', 'pb'])
    expect(board.cards.map((c) => c.id)).toEqual(['cx', 'cy', 'cz'])
  })

  it('reads the records the operations write', () => {
    const { doc, themeIds } = newWorkshop()
    const themeId = firstTheme(themeIds)
    const second = addPerspective(doc, { themeId, title: 'Deuxième' }) ?? ''
    const first = addPerspective(doc, { themeId, title: 'Première', index: 0 }) ?? ''
    addCard(doc, { themeId, perspectiveId: second, text: 'b', author: 'p' })
    addCard(doc, { themeId, perspectiveId: second, text: 'a', author: 'p', index: 0 })
    const board = readBoard(doc)
    expect(board.perspectives.map((p) => p.id)).toEqual([first, second])
    expect(board.cards.map((c) => c.text)).toEqual(['a', 'b'])
  })
})

describe('single records', () => {
  it('fall back to empty values when fields are missing or malformed', () => {
    const doc = new Y.Doc()
    const r = roots(doc)
    const theme = new Y.Map<unknown>()
    const perspective = new Y.Map<unknown>()
    const card = new Y.Map<unknown>()
    doc.transact(() => {
      r.themes.set('t', theme)
      r.perspectives.set('p', perspective)
      r.cards.set('c', card)
      theme.set('name', 'pas un Y.Text')
      perspective.set('createdAt', Number.NaN)
      card.set('place', { themeId: 't', perspectiveId: 7, key: 'a0' })
      card.set('example', 'yes')
    })
    expect(readTheme('t', theme)).toEqual({ id: 't', key: '', name: '', questions: [] })
    expect(readPerspective('p', perspective)).toEqual({
      id: 'p',
      themeId: '',
      key: '',
      title: '',
      description: '',
      createdAt: 0,
    })
    expect(readCard('c', card)).toEqual({
      id: 'c',
      text: '',
      place: { themeId: '', perspectiveId: null, key: '' },
      example: false,
      author: '',
      createdAt: 0,
    })
  })

  it('read a theme with its questions', () => {
    const { doc } = newWorkshop('vide')
    const id = addTheme(doc, { name: 'Bénévolat', questions: ['Qui ?', 'Comment ?'] })
    const map = roots(doc).themes.get(id)
    expect(map && readTheme(id, map)).toEqual({
      id,
      key: expect.any(String),
      name: 'Bénévolat',
      questions: ['Qui ?', 'Comment ?'],
    })
  })
})

describe('effectivePerspectiveId', () => {
  it('shows a card in its perspective while that perspective exists in its theme', () => {
    const { doc, themeIds } = newWorkshop()
    const themeId = firstTheme(themeIds)
    const perspectiveId = addPerspective(doc, { themeId, title: 'Aller vers' }) ?? ''
    const perspectives = perspectiveMap(readBoard(doc))
    expect(effectivePerspectiveId(placedCard(themeId, perspectiveId), perspectives)).toBe(perspectiveId)
    expect(effectivePerspectiveId(placedCard(themeId, null), perspectives)).toBeNull()
  })

  it('shows a card among the ideas to sort when its perspective was deleted', () => {
    const { doc, themeIds } = newWorkshop()
    const themeId = firstTheme(themeIds)
    const perspectiveId = addPerspective(doc, { themeId, title: 'Supprimée' }) ?? ''
    deletePerspective(doc, perspectiveId)
    expect(
      effectivePerspectiveId(placedCard(themeId, perspectiveId), perspectiveMap(readBoard(doc))),
    ).toBeNull()
  })

  it('shows a card among the ideas to sort when its perspective belongs to another theme', () => {
    const { doc, themeIds } = newWorkshop()
    const [themeId = '', otherThemeId = ''] = themeIds
    const elsewhere = addPerspective(doc, { themeId: otherThemeId, title: 'Ailleurs' }) ?? ''
    expect(effectivePerspectiveId(placedCard(themeId, elsewhere), perspectiveMap(readBoard(doc)))).toBeNull()
  })
})
