import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkUpdate } from '../../server/referee/checkUpdate'
import { roots } from '../../shared/doc'
import {
  addCard,
  addPerspective,
  addQuestion,
  addTheme,
  deleteCard,
  deletePerspective,
  deleteQuestion,
  deleteTheme,
  importIndicators,
  moveCard,
  movePerspective,
  pinIndicator,
  putRosterEntry,
  removeIndicator,
  setCardExample,
  setPhase,
  setThemeLock,
  spliceText,
} from '../../shared/ops'
import { readBoard } from '../../shared/read'
import type { IndicatorInput } from '../../shared/indicators'
import type { Phase } from '../../shared/schema'
import {
  accept,
  cardIn,
  cardText,
  change,
  copyOf,
  emitted,
  expectSameBoard,
  judge,
  newRoom,
  nextClient,
  refused,
  serverDoes,
  write,
  type Room,
} from './refereeRoom'

describe('a participant during the collecte phase', () => {
  it('may add, type into, move, mark and delete cards, and create, edit, order and delete perspectives', () => {
    const room = newRoom()
    const card = cardIn(room, room.themeA)
    write(room, (doc) => spliceText(doc, cardText(card), 0, 0, 'Ouvrir '))
    const perspective = write(
      room,
      (doc) => addPerspective(doc, { themeId: room.themeA, title: 'Aller vers' }) ?? '',
    )
    const second = write(
      room,
      (doc) => addPerspective(doc, { themeId: room.themeA, title: 'Accueillir' }) ?? '',
    )
    write(room, (doc) =>
      spliceText(doc, { kind: 'perspective', id: perspective, field: 'description' }, 0, 0, 'Dehors'),
    )
    write(room, (doc) =>
      spliceText(doc, { kind: 'perspective', id: perspective, field: 'title' }, 0, 5, 'Aller à'),
    )
    write(room, (doc) => movePerspective(doc, second, 0))
    write(room, (doc) => moveCard(doc, card, { themeId: room.themeA, perspectiveId: perspective, index: 0 }))
    const placed = write(room, (doc) =>
      addCard(doc, {
        themeId: room.themeA,
        perspectiveId: perspective,
        text: 'Porte-à-porte',
        author: 'p-malik',
      }),
    )
    write(room, (doc) => setCardExample(doc, placed ?? '', true))
    write(room, (doc) => moveCard(doc, card, { themeId: room.themeB, perspectiveId: null, index: 0 }))
    write(room, (doc) => deletePerspective(doc, perspective))
    write(room, (doc) => deleteCard(doc, card))
    expectSameBoard(room)
    expect(readBoard(room.server).cards.map((c) => c.text)).toEqual(['Porte-à-porte'])
  })

  it('may send a new card with its text in one update, then type it keystroke by keystroke', () => {
    const room = newRoom()
    let id = ''
    const updates = emitted(room.client, () => {
      id =
        addCard(room.client, {
          themeId: room.themeA,
          perspectiveId: null,
          text: 'Aller',
          author: 'p-lucie',
        }) ?? ''
      for (const [i, letter] of [...' vers'].entries())
        spliceText(room.client, cardText(id), 5 + i, 0, letter)
      spliceText(room.client, cardText(id), 9, 1, '')
    })
    expect(updates).toHaveLength(7)
    for (const update of updates) accept(room, update)
    expectSameBoard(room)
    expect(readBoard(room.server).cards[0]?.text).toBe('Aller ver')
  })

  it('may send work done offline in one update, including a card added and deleted meanwhile', () => {
    const room = newRoom()
    const update = change(room, (doc) => {
      const perspective = addPerspective(doc, { themeId: room.themeB, title: 'Conventions' }) ?? ''
      const card =
        addCard(doc, {
          themeId: room.themeB,
          perspectiveId: perspective,
          text: 'Pluriannuelles',
          author: 'p-sam',
        }) ?? ''
      spliceText(doc, cardText(card), 0, 0, 'Des conventions ')
      moveCard(doc, card, { themeId: room.themeB, perspectiveId: null, index: 0 })
      deleteCard(
        doc,
        addCard(doc, { themeId: room.themeA, perspectiveId: null, text: 'Brouillon', author: 'p-sam' }) ?? '',
      )
    })
    accept(room, update)
    expectSameBoard(room)
  })

  it('may send a change before the one it depends on (Yjs holds it until then)', () => {
    const room = newRoom()
    const [created, typed] = emitted(room.client, () => {
      const id =
        addCard(room.client, {
          themeId: room.themeA,
          perspectiveId: null,
          text: 'Jardin',
          author: 'p-lucie',
        }) ?? ''
      spliceText(room.client, cardText(id), 6, 0, ' partagé')
    })
    if (!created || !typed) throw new Error('two updates expected')
    expect(checkUpdate(room.server, typed, 'projector')).toEqual(refused('read_only'))
    const voting = copyOf(room.server)
    setPhase(voting, 'vote')
    expect(checkUpdate(voting, typed, 'participant')).toEqual(refused('phase'))
    accept(room, typed)
    accept(room, created)
    expectSameBoard(room)
    expect(readBoard(room.server).cards[0]?.text).toBe('Jardin partagé')
  })

  it('may keep typing into a card the facilitator has just deleted (Yjs discards the letters)', () => {
    const room = newRoom()
    const card = cardIn(room, room.themeA)
    const keystroke = change(room, (doc) => spliceText(doc, cardText(card), 3, 0, 'x'))
    deleteCard(room.server, card)
    accept(room, keystroke)
    expect(readBoard(room.server).cards).toEqual([])
  })
})

const OBSERVED: IndicatorInput = {
  theme: 'Participation des habitants',
  indicator: 'Centres avec des habitants au conseil d’administration',
  value: 45,
  unit: '%',
  comparison: 38,
  comparisonLabel: 'moyenne nationale',
  source: 'Chiffres fictifs pour l’exemple',
  year: 2023,
}

describe('the roots the server writes', () => {
  it.each<[string, (doc: Y.Doc) => void]>([
    ['the title', (doc) => roots(doc).meta.set('title', 'Autre atelier')],
    ['the phase', (doc) => roots(doc).control.set('phase', 'collecte')],
    ['the locks', (doc) => roots(doc).control.set('lockedThemes', [])],
    [
      'the roster',
      (doc) => roots(doc).roster.set('p-x', { name: 'X', centre: 'Y', role: 'facilitator', joinedAt: 1 }),
    ],
    ['a deleted title', (doc) => roots(doc).meta.delete('title')],
    [
      'an indicator written raw',
      (doc) => roots(doc).indicators.set('i-x', { indicator: 'Faux', value: 99, key: 'a0' }),
    ],
    ['an indicator import', (doc) => importIndicators(doc, [OBSERVED], 'append')],
  ])('are refused to every client: %s', (_, op) => {
    expect(judge(newRoom(), op, 'participant')).toEqual(refused('server_root'))
    expect(judge(newRoom(), op, 'facilitator')).toEqual(refused('server_root'))
  })

  it('refuses any client change to the indicators the server imported: pinning, unpinning, editing, deleting', () => {
    const room = newRoom()
    let id = ''
    serverDoes(room, (doc) => (id = importIndicators(doc, [OBSERVED], 'append')?.ids[0] ?? ''))
    expect(roots(room.client).indicators.has(id)).toBe(true)
    const changes: Array<(doc: Y.Doc) => unknown> = [
      (doc) => pinIndicator(doc, id, null),
      (doc) => pinIndicator(doc, id, room.themeB, 0),
      (doc) => roots(doc).indicators.set(id, { ...(roots(doc).indicators.get(id) as object), value: 99 }),
      (doc) => removeIndicator(doc, id),
      (doc) => roots(doc).indicators.clear(),
    ]
    for (const op of changes) {
      expect(judge(nextClient(room), op, 'facilitator')).toEqual(refused('server_root'))
      expect(judge(nextClient(room), op, 'participant')).toEqual(refused('server_root'))
      expect(judge(nextClient(room), op, 'projector')).toEqual(refused('read_only'))
    }
  })

  it('leaves no root but the boards to clients', () => {
    expect(judge(newRoom(), (doc) => doc.getMap('votes').set('p-x', 3))).toEqual(refused('unknown_root'))
    expect(judge(newRoom(), (doc) => doc.getText('notes').insert(0, 'hello'), 'facilitator')).toEqual(
      refused('unknown_root'),
    )
  })

  it('refuses a pending change aimed at a server write that has not happened yet', () => {
    // A copy of the server one write ahead: anyone can tell the id the server's next write will get.
    const room = newRoom()
    const ahead = copyOf(room.server)
    ahead.clientID = room.server.clientID
    setPhase(ahead, 'vote')
    const overwriter = copyOf(ahead)
    const eraser = copyOf(ahead)
    // Live updates carry only their own transaction: nothing here touches what the server already holds.
    const [overwrite] = emitted(overwriter, () => roots(overwriter).control.set('phase', 'collecte'))
    const [erase] = emitted(eraser, () => roots(eraser).control.delete('phase'))
    if (!overwrite || !erase) throw new Error('two updates expected')
    expect(checkUpdate(room.server, overwrite, 'participant')).toEqual(refused('server_root'))
    expect(checkUpdate(room.server, erase, 'participant')).toEqual(refused('server_root'))
  })
})

describe('phases and locks', () => {
  it.each<Phase>(['vote', 'resultats'])(
    'refuses every board change by a participant during %s, not by the facilitator',
    (phase) => {
      const room = newRoom()
      const card = cardIn(room, room.themeA)
      serverDoes(room, (doc) => setPhase(doc, phase))
      const changes: Array<(doc: Y.Doc) => unknown> = [
        (doc) => addCard(doc, { themeId: room.themeB, perspectiveId: null, text: 'Tard', author: 'p-lucie' }),
        (doc) => spliceText(doc, cardText(card), 0, 0, 'Encore '),
        (doc) => deleteCard(doc, card),
        (doc) => addPerspective(doc, { themeId: room.themeB, title: 'Nouvelle' }),
      ]
      for (const op of changes) {
        expect(judge(nextClient(room), op)).toEqual(refused('phase'))
        expect(judge(nextClient(room), op, 'facilitator')).toEqual({ ok: true })
      }
    },
  )

  it('lets participants reorganise during regroupement and delete cards during collecte', () => {
    const room = newRoom()
    const card = cardIn(room, room.themeA)
    serverDoes(room, (doc) => setPhase(doc, 'regroupement'))
    write(room, (doc) => moveCard(doc, card, { themeId: room.themeB, perspectiveId: null, index: 0 }))
    serverDoes(room, (doc) => setPhase(doc, 'collecte'))
    write(room, (doc) => deleteCard(doc, card))
    expectSameBoard(room)
  })

  it('refuses participants any change on a locked board, including moving a card out of it', () => {
    const room = newRoom()
    const inLocked = cardIn(room, room.themeA)
    const inOpen = cardIn(room, room.themeB)
    const perspective = write(
      room,
      (doc) => addPerspective(doc, { themeId: room.themeA, title: 'Aller vers' }) ?? '',
    )
    serverDoes(room, (doc) => setThemeLock(doc, room.themeA, true))
    const changes: Array<(doc: Y.Doc) => unknown> = [
      (doc) => addCard(doc, { themeId: room.themeA, perspectiveId: null, text: 'Tard', author: 'p-lucie' }),
      (doc) => spliceText(doc, cardText(inLocked), 0, 0, 'Encore '),
      (doc) => moveCard(doc, inLocked, { themeId: room.themeB, perspectiveId: null, index: 0 }),
      (doc) => moveCard(doc, inOpen, { themeId: room.themeA, perspectiveId: null, index: 0 }),
      (doc) => deleteCard(doc, inLocked),
      (doc) => spliceText(doc, { kind: 'perspective', id: perspective, field: 'title' }, 0, 0, 'Oser '),
      (doc) => deletePerspective(doc, perspective),
      (doc) => addPerspective(doc, { themeId: room.themeA, title: 'Nouvelle' }),
    ]
    for (const op of changes) {
      expect(judge(nextClient(room), op)).toEqual(refused('locked'))
      expect(judge(nextClient(room), op, 'facilitator')).toEqual({ ok: true })
    }
    write(room, (doc) => spliceText(doc, cardText(inOpen), 0, 0, 'Toujours ouvert : '))
  })
})

describe("shaping the workshop, the facilitator's part", () => {
  it.each<[string, (doc: Y.Doc, room: Room) => unknown]>([
    [
      'renaming a theme',
      (doc, room) => spliceText(doc, { kind: 'theme', id: room.themeA, field: 'name' }, 0, 0, 'La '),
    ],
    [
      'editing a guiding question',
      (doc, room) => spliceText(doc, { kind: 'question', id: room.themeA, index: 1 }, 0, 1, ''),
    ],
    ['adding a guiding question', (doc, room) => addQuestion(doc, room.themeA, 'Et demain ?')],
    ['removing a guiding question', (doc, room) => deleteQuestion(doc, room.themeB, 0)],
    ['adding a theme', (doc) => addTheme(doc, { name: 'Jeunesse', questions: ['Où sont les 16-25 ans ?'] })],
    ['deleting a theme', (doc, room) => deleteTheme(doc, room.themeB)],
    ['reordering themes', (doc, room) => roots(doc).themes.get(room.themeB)?.set('key', 'Zz')],
  ])('%s is refused to participants and allowed to the facilitator', (_, op) => {
    const room = newRoom()
    cardIn(room, room.themeB)
    expect(judge(nextClient(room), (doc) => op(doc, room))).toEqual(refused('facilitator_only'))
    write(room, (doc) => op(doc, room), 'facilitator')
    expectSameBoard(room)
  })

  it('accepts a theme created with its cards in one update from the facilitator', () => {
    const room = newRoom()
    write(
      room,
      (doc) => {
        const themeId = addTheme(doc, { name: 'Jeunesse' })
        addCard(doc, { themeId, perspectiveId: null, text: 'Un local ados', author: 'facilitator-1' })
      },
      'facilitator',
    )
    expectSameBoard(room)
  })
})

describe('the projector', () => {
  it('may change nothing, but its sync messages that change nothing pass', () => {
    const room = newRoom()
    const card = cardIn(room, room.themeA)
    write(room, (doc) => deleteCard(doc, card))
    const projector = copyOf(room.server)
    expect(
      judge(
        nextClient(room),
        (doc) => addCard(doc, { themeId: room.themeA, perspectiveId: null, text: 'x', author: 'p' }),
        'projector',
      ),
    ).toEqual(refused('read_only'))
    expect(judge(nextClient(room), (doc) => roots(doc).meta.set('title', 'x'), 'projector')).toEqual(
      refused('read_only'),
    )
    // Its sync step 2 carries every deletion it knows, all already applied on the server.
    const stepTwo = Y.encodeStateAsUpdate(projector, Y.encodeStateVector(room.server))
    expect(Y.decodeUpdate(stepTwo).ds.clients.size).toBeGreaterThan(0)
    expect(checkUpdate(room.server, stepTwo, 'projector')).toEqual({ ok: true })
    expect(checkUpdate(room.server, new Uint8Array([0, 0]), 'projector')).toEqual({ ok: true })
  })
})

describe('the cost of a check', () => {
  afterEach(() => vi.restoreAllMocks())

  it('reads no collection of the document, however large, to judge one keystroke', () => {
    const room = newRoom()
    room.server.transact(() => {
      for (let i = 0; i < 2000; i++) {
        const map = new Y.Map<unknown>()
        map.set('text', new Y.Text(`Idée ${i}`))
        map.set('place', { themeId: i % 2 ? room.themeA : room.themeB, perspectiveId: null, key: `a${i}` })
        roots(room.server).cards.set(`card-${i}`, map)
      }
    })
    putRosterEntry(room.server, 'p-lucie', {
      name: 'Lucie',
      centre: 'CS Voltaire',
      role: 'participant',
      joinedAt: 1,
    })
    const client = nextClient(room)
    const keystroke = change(client, (doc) => spliceText(doc, cardText('card-1234'), 4, 0, 's'))
    const walks = [
      vi.spyOn(Y.Map.prototype, 'entries'),
      vi.spyOn(Y.Map.prototype, 'values'),
      vi.spyOn(Y.Map.prototype, 'keys'),
      vi.spyOn(Y.Map.prototype, 'forEach'),
      vi.spyOn(Y.Map.prototype, 'toJSON'),
      vi.spyOn(Y.Array.prototype, 'toArray'),
      vi.spyOn(Y.Text.prototype as { toString(): string }, 'toString'),
      vi.spyOn(Y.Text.prototype, 'toDelta'),
    ]
    expect(checkUpdate(room.server, keystroke, 'participant')).toEqual({ ok: true })
    for (const walk of walks) expect(walk).not.toHaveBeenCalled()
  })
})
