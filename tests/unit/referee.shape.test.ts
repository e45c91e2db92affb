import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { checkUpdate } from '../../server/referee/checkUpdate'
import { roots } from '../../shared/doc'
import { addCard, addPerspective, spliceText } from '../../shared/ops'
import { LIMITS, type Role } from '../../shared/schema'
import {
  cardIn,
  cardText,
  change,
  copyOf,
  emitted,
  fullCard,
  judge,
  newRoom,
  nextClient,
  rawCard,
  rawInsert,
  refused,
  write,
  type Room,
} from './refereeRoom'

describe('the shape of records', () => {
  function withCard(op: (card: Y.Map<unknown>, doc: Y.Doc, room: Room) => void, role: Role = 'participant') {
    const room = newRoom()
    const id = cardIn(room, room.themeA)
    return judge(room, (doc) => op(rawCard(doc, id), doc, room), role)
  }

  it.each<[string, (card: Y.Map<unknown>) => void]>([
    ['a number for a text', (card) => card.set('text', 42)],
    ['a plain string for a text', (card) => card.set('text', 'sans Y.Text')],
    ['a string for a placement', (card) => card.set('place', 'ailleurs')],
    [
      'a placement with an extra key',
      (card) => card.set('place', { themeId: 'x', perspectiveId: null, key: 'a0', extra: 1 }),
    ],
    ['a word for a flag', (card) => card.set('example', 'oui')],
    ['a date as text', (card) => card.set('createdAt', 'hier')],
    ['a nested map for an author', (card) => card.set('author', new Y.Map())],
    ['an unknown field', (card) => card.set('colour', 'red')],
    ['a removed field', (card) => card.delete('place')],
    ['a map inside a text', (card) => (card.get('text') as Y.Text).insertEmbed(0, new Y.Map())],
    ['an embed inside a text', (card) => (card.get('text') as Y.Text).insertEmbed(0, { image: 'x.png' })],
    ['formatted text', (card) => (card.get('text') as Y.Text).insert(0, 'gras', { bold: true })],
    ['formatting applied', (card) => (card.get('text') as Y.Text).format(0, 3, { italic: true })],
  ])('refuses %s, from anyone', (_, op) => {
    expect(withCard(op)).toEqual(refused('schema'))
    expect(withCard(op, 'facilitator')).toEqual(refused('schema'))
  })

  it('refuses records that are not complete maps with a short id', () => {
    const room = newRoom()
    expect(judge(room, (doc) => roots(doc).cards.set('c'.repeat(64), fullCard(room.themeA)))).toEqual({
      ok: true,
    })
    expect(judge(newRoom(), (doc) => roots(doc).cards.set('c'.repeat(65), fullCard(room.themeA)))).toEqual(
      refused('schema'),
    )
    expect(judge(newRoom(), (doc) => (roots(doc).cards as Y.Map<unknown>).set('c1', 'texte'))).toEqual(
      refused('schema'),
    )
    expect(
      judge(newRoom(), (doc) => (roots(doc).cards as Y.Map<unknown>).set('c1', new Y.Text('x'))),
    ).toEqual(refused('schema'))
    const partial = newRoom()
    expect(
      judge(partial, (doc) => roots(doc).cards.set('c1', new Y.Map([['text', new Y.Text('x')]]))),
    ).toEqual(refused('schema'))
  })

  it('refuses references that point nowhere or to another board', () => {
    const room = newRoom()
    const other = write(room, (doc) => addPerspective(doc, { themeId: room.themeB, title: 'Ailleurs' }) ?? '')
    const card = cardIn(room, room.themeA)
    const place = (perspectiveId: string | null, themeId = room.themeA) => ({
      themeId,
      perspectiveId,
      key: 'a0',
    })
    expect(judge(room, (doc) => rawCard(doc, card).set('place', place(null, 'no-such-theme')))).toEqual(
      refused('schema'),
    )
    expect(judge(nextClient(room), (doc) => rawCard(doc, card).set('place', place(other)))).toEqual(
      refused('schema'),
    )
    const moved = (doc: Y.Doc) => roots(doc).perspectives.get(other)?.set('themeId', room.themeA)
    expect(judge(nextClient(room), moved, 'facilitator')).toEqual(refused('schema'))
  })
})

describe('text sizes', () => {
  it('refuses one insert that makes a text too long, and accepts one that fills it exactly', () => {
    const room = newRoom()
    const id = cardIn(room, room.themeA, 'x'.repeat(10))
    expect(
      judge(room, (doc) => rawInsert(doc, cardText(id), 0, 'y'.repeat(LIMITS.cardTextLength - 9))),
    ).toEqual(refused('too_long'))
    write(nextClient(room), (doc) =>
      spliceText(doc, cardText(id), 0, 0, 'y'.repeat(LIMITS.cardTextLength - 10)),
    )
  })

  it('counts many small appends up to the limit, then refuses one more letter', () => {
    const room = newRoom()
    const id = cardIn(room, room.themeA, '')
    for (let i = 0; i < 10; i++)
      write(room, (doc) => spliceText(doc, cardText(id), i * 100, 0, 'z'.repeat(100)))
    // Replacing the whole text keeps its length: the letters it deletes are counted too.
    write(room, (doc) =>
      spliceText(doc, cardText(id), 0, LIMITS.cardTextLength, 'w'.repeat(LIMITS.cardTextLength)),
    )
    expect(judge(room, (doc) => rawInsert(doc, cardText(id), 0, '!'))).toEqual(refused('too_long'))
  })

  it('applies each field its own limit, for the facilitator too', () => {
    const room = newRoom()
    const oversized = fullCard(room.themeA, 'x'.repeat(LIMITS.cardTextLength + 1))
    expect(judge(room, (doc) => roots(doc).cards.set('c1', oversized))).toEqual(refused('too_long'))
    const title = 't'.repeat(LIMITS.perspectiveTitleLength)
    const fresh = newRoom()
    const perspective = write(fresh, (doc) => addPerspective(doc, { themeId: fresh.themeA, title }) ?? '')
    expect(
      judge(fresh, (doc) => rawInsert(doc, { kind: 'perspective', id: perspective, field: 'title' }, 0, '!')),
    ).toEqual(refused('too_long'))
    const name = { kind: 'theme', id: fresh.themeA, field: 'name' } as const
    const long = 'n'.repeat(LIMITS.themeNameLength)
    expect(judge(nextClient(fresh), (doc) => rawInsert(doc, name, 0, long), 'facilitator')).toEqual(
      refused('too_long'),
    )
    const question = { kind: 'question', id: fresh.themeA, index: 0 } as const
    const essay = 'q'.repeat(LIMITS.questionLength)
    expect(judge(nextClient(fresh), (doc) => rawInsert(doc, question, 0, essay), 'facilitator')).toEqual(
      refused('too_long'),
    )
  })

  it('caps the number of guiding questions of a theme', () => {
    const room = newRoom()
    const many = () => roots(room.client).themes.get(room.themeA)?.get('questions') as Y.Array<Y.Text>
    const missing = LIMITS.questionsPerTheme - many().length
    write(room, () => many().push(Array.from({ length: missing }, () => new Y.Text('?'))), 'facilitator')
    expect(judge(room, () => many().push([new Y.Text('Une de trop ?')]), 'facilitator')).toEqual(
      refused('too_long'),
    )
  })
})

describe('malformed updates', () => {
  it('are refused, never thrown', () => {
    const room = newRoom()
    const update = change(room, (doc) =>
      addCard(doc, { themeId: room.themeA, perspectiveId: null, text: 'Idée', author: 'p' }),
    )
    expect(
      checkUpdate(
        room.server,
        new Uint8Array([0x8f, 0xff, 0x13, 0x02, 0xfe, 0x7a, 0x00, 0x01]),
        'participant',
      ),
    ).toEqual(refused('malformed'))
    expect(checkUpdate(room.server, new Uint8Array(), 'facilitator')).toEqual(refused('malformed'))
    for (let cut = 1; cut < update.length; cut += 7) {
      expect(checkUpdate(room.server, update.slice(0, cut), 'participant')).toEqual(refused('malformed'))
    }
  })

  it('include one client named twice, once harmless and once not, under the same ids', () => {
    const room = newRoom()
    const twin = copyOf(room.server)
    twin.clientID = room.client.clientID
    const [harmless] = emitted(room.client, () =>
      addCard(room.client, { themeId: room.themeA, perspectiveId: null, text: 'Idée', author: 'p' }),
    )
    const [harmful] = emitted(twin, () => roots(twin).meta.set('title', 'Autre'))
    if (!harmless || !harmful) throw new Error('two updates expected')
    // Version 1 layout: client count, each client's structs, then the delete set (empty here: one zero byte).
    const twice = new Uint8Array([2, ...harmless.slice(1, -1), ...harmful.slice(1, -1), 0])
    expect(checkUpdate(room.server, twice, 'participant')).toEqual(refused('malformed'))
  })
})
