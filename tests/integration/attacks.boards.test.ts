import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { addTheme, deleteCard, moveCard, spliceText } from '../../shared/ops'
import { CLOSE } from '../../shared/protocol'
import { attackScene, type AttackScene } from '../helpers/attackScene'
import { expectOk } from '../helpers/commands'
import { serverDoc, type Person } from '../helpers/people'
import { waitFor } from '../helpers/waitFor'

/**
 * The rest of PROTOCOL.md's refusals, through a real client's document: shaping the workshop, a locked board seen
 * from every side, the results phase, and records that break the schema. Each is closed with 4409, and the server
 * and a bystander keep what they had.
 */

let scene: AttackScene

beforeAll(async () => {
  scene = await attackScene()
})
afterEach(() => scene.reset())
afterAll(() => scene.close())

const server = () => serverDoc(scene.t, scene.workshop.id)
const snapshot = (doc: Y.Doc) => {
  const r = roots(doc)
  return { themes: r.themes.toJSON(), perspectives: r.perspectives.toJSON(), cards: r.cards.toJSON() }
}

/** `write` by a fresh participant is refused with 4409 "update refused: <reason>" and changes nothing anywhere. */
async function refused(write: (doc: Y.Doc, mallory: Person) => unknown, reason: string): Promise<void> {
  const mallory = await scene.attacker()
  const before = snapshot(server())
  const closed = new Promise<string>((resolve) =>
    mallory.provider.on('connection-close', (event) => resolve(`${event?.code} ${event?.reason}`)),
  )
  write(mallory.doc, mallory)
  expect(await closed).toBe(`${CLOSE.refused} update refused: ${reason}`)
  mallory.destroy()
  await scene.settle()
  const after = snapshot(server())
  expect(after.themes).toEqual(before.themes)
  expect(after.perspectives).toEqual(before.perspectives)
  expect(Object.keys(after.cards).filter((id) => !(id in before.cards))).toHaveLength(1) // the settling card
  for (const [id, card] of Object.entries(before.cards)) expect(after.cards[id]).toEqual(card)
  expect(snapshot(scene.bystander.doc)).toEqual(after)
  await scene.bystanderAgrees()
}

const cardText = (doc: Y.Doc, id: string) => roots(doc).cards.get(id)!.get('text') as Y.Text

describe('shaping the workshop is the facilitator’s (facilitator_only)', () => {
  it('adding a board', () => refused((doc) => addTheme(doc, { name: 'Mon thème' }), 'facilitator_only'))

  it('renaming a board', async () => {
    await refused((doc) => {
      const name = roots(doc).themes.get(scene.board.themeIds[0]!)!.get('name') as Y.Text
      name.insert(0, 'Renommé ')
    }, 'facilitator_only')
  })

  it('adding a guiding question', async () => {
    await refused((doc) => {
      const questions = roots(doc).themes.get(scene.board.themeIds[0]!)!.get('questions') as Y.Array<Y.Text>
      questions.push([new Y.Text('Une question de trop ?')])
    }, 'facilitator_only')
  })
})

describe('a locked board (locked)', () => {
  const lockFirst = () =>
    expectOk(scene.facilitator.commands, {
      type: 'theme.lock',
      themeId: scene.board.themeIds[0]!,
      locked: true,
    })

  it('keeps its cards from being moved out', async () => {
    await lockFirst()
    await refused(
      (doc) =>
        moveCard(doc, scene.board.cards[0]!, {
          themeId: scene.board.themeIds[1]!,
          perspectiveId: null,
          index: 0,
        }),
      'locked',
    )
  })

  it('keeps its cards from being edited or deleted', async () => {
    await lockFirst()
    await refused((doc) => cardText(doc, scene.board.cards[0]!).insert(0, 'Modifié '), 'locked')
    await refused((doc) => deleteCard(doc, scene.board.cards[1]!), 'locked')
  })
})

describe('the results phase (phase)', () => {
  it('freezes every board for participants, texts included', async () => {
    await expectOk(scene.facilitator.commands, { type: 'phase.set', phase: 'resultats' })
    await refused(
      (doc) =>
        spliceText(doc, { kind: 'card', id: scene.board.cards[0]!, field: 'text' }, 0, 0, 'Après coup '),
      'phase',
    )
  })
})

describe('records that break the schema (schema)', () => {
  it('a card placed in another board’s perspective', async () => {
    const otherBoardPerspective = scene.board.perspectives[scene.board.perspectives.length - 1]!
    await refused((doc) => {
      roots(doc).cards.get(scene.board.cards[0]!)!.set('place', {
        themeId: scene.board.themeIds[0]!,
        perspectiveId: otherBoardPerspective,
        key: 'a0',
      })
    }, 'schema')
  })

  it('a card missing its text, and a field no card has', async () => {
    await refused((doc) => {
      const card = new Y.Map<unknown>()
      roots(doc).cards.set('carteincomplete', card)
      card.set('place', { themeId: scene.board.themeIds[0]!, perspectiveId: null, key: 'a0' })
      card.set('example', false)
      card.set('author', 'x')
      card.set('createdAt', 1)
    }, 'schema')
    await refused((doc) => roots(doc).cards.get(scene.board.cards[0]!)!.set('votes', 99), 'schema')
  })
})

it('none of these disturbed the facilitator, who may still do all of it', async () => {
  const id = addTheme(scene.facilitator.doc, { name: 'Thème ajouté par l’animation' })!
  await waitFor(() => roots(scene.bystander.doc).themes.has(id))
  expect(scene.facilitator.closeCodes).toEqual([])
})
