import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { Command } from '../../shared/commands'
import { roots } from '../../shared/doc'
import { addCard, spliceText } from '../../shared/ops'
import { CLOSE } from '../../shared/protocol'
import { LIMITS } from '../../shared/schema'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { attackScene, type AttackScene } from '../helpers/attackScene'
import { connectClient } from '../helpers/clients'
import { commander, expectOk } from '../helpers/commands'
import { serverDoc, type Person } from '../helpers/people'
import { waitFor } from '../helpers/waitFor'

/** Attacks through raw document writes, which the referee refuses (4409), and from the projector. */

let scene: AttackScene

beforeAll(async () => {
  scene = await attackScene()
})
afterEach(() => scene.reset())
afterAll(() => scene.close())

describe('steering the workshop straight through the document', () => {
  it.each([
    ['the phase', (doc: Y.Doc) => roots(doc).control.set('phase', 'resultats')],
    [
      'the round settings',
      (doc: Y.Doc) =>
        roots(doc).control.set('round', {
          id: 'r',
          number: 1,
          status: 'revealed',
          settings: DEFAULT_VOTE_SETTINGS,
          voters: 0,
          eligible: 0,
        }),
    ],
    [
      'the timer',
      (doc: Y.Doc) => roots(doc).control.set('timer', { status: 'running', durationMs: 1, endsAt: 1 }),
    ],
    ['the locks', (doc: Y.Doc) => roots(doc).control.set('lockedThemes', [])],
    ['the results', (doc: Y.Doc) => roots(doc).control.set('results', { roundId: 'r', totals: { x: 99 } })],
  ])('a participant writing %s straight into the document is closed with 4409', async (_what, write) => {
    await scene.openRound()
    const mallory = await scene.attacker()
    const before = await scene.serverState(null)
    write(mallory.doc)
    await waitFor(() => expect(mallory.closeCodes).toContain(CLOSE.refused))
    mallory.destroy()
    await scene.settle()
    expect((await scene.serverState(null)).control).toEqual(before.control)
    await scene.bystanderAgrees()
  })
})

describe('board writes the referee refuses', () => {
  async function refusedWrite(write: (doc: Y.Doc, mallory: Person) => unknown): Promise<void> {
    const mallory = await scene.attacker()
    const cardsBefore = roots(serverDoc(scene.t, scene.workshop.id)).cards.size
    write(mallory.doc, mallory)
    await waitFor(() => expect(mallory.closeCodes).toContain(CLOSE.refused))
    mallory.destroy()
    await scene.settle()
    expect(roots(serverDoc(scene.t, scene.workshop.id)).cards.size).toBe(cardsBefore + 1)
    expect(roots(scene.bystander.doc).cards.size).toBe(cardsBefore + 1)
    expect(scene.bystander.doc.share.has('intrus')).toBe(false)
    expect(serverDoc(scene.t, scene.workshop.id).share.has('intrus')).toBe(false)
    await scene.bystanderAgrees()
  }

  const newCard = (themeId: string, mallory: Person) =>
    addCard(mallory.doc, {
      themeId,
      perspectiveId: null,
      text: 'Ajout interdit',
      author: mallory.participantId,
    })

  it('on a locked board: refused at once after the lock, while other boards stay open', async () => {
    const [locked, open] = scene.board.themeIds as [string, string]
    await expectOk(scene.facilitator.commands, { type: 'theme.lock', themeId: locked, locked: true })
    await refusedWrite((_doc, mallory) => newCard(locked, mallory))
    const allowed = await scene.attacker('Oscar')
    const id = newCard(open, allowed)!
    await waitFor(() => roots(scene.bystander.doc).cards.has(id))
  })

  it('during the vote', async () => {
    await expectOk(scene.facilitator.commands, { type: 'phase.set', phase: 'vote' })
    await refusedWrite((_doc, mallory) => newCard(scene.board.themeIds[1]!, mallory))
  })

  it('an unknown root', async () => {
    await refusedWrite((doc) => doc.getMap('intrus').set('x', 1))
  })

  it('a value of the wrong type', async () => {
    await refusedWrite((doc) => roots(doc).cards.get(scene.board.cards[0]!)!.set('example', 'oui'))
  })

  it('a text over its limit', async () => {
    await refusedWrite((doc) => {
      const text = roots(doc).cards.get(scene.board.cards[0]!)!.get('text') as Y.Text
      text.insert(0, 'x'.repeat(LIMITS.cardTextLength + 1))
    })
  })
})

describe('the projector', () => {
  it('may send no command but a clock ping, and may not write', async () => {
    const roundId = await scene.openRound()
    const projector = connectClient(scene.t.url, scene.workshop.id, scene.workshop.facilitatorKey, {
      params: { as: 'projector' },
    })
    await projector.whenSynced
    const commands = commander(projector)
    const before = await scene.serverState(roundId)
    const attempts: Command[] = [
      { type: 'phase.set', phase: 'resultats' },
      { type: 'round.reveal' },
      { type: 'vote.add', itemId: scene.board.perspectives[0]! },
      { type: 'ballot.get' },
      { type: 'timer.start', durationMs: 1000 },
      { type: 'projector.follow', target: { kind: 'overview' } },
    ]
    for (const command of attempts)
      expect(await commands.send(command)).toMatchObject({ ok: false, error: 'forbidden' })
    expect(await commands.send({ type: 'clock.ping', sentAt: 1 })).toMatchObject({ ok: true })
    expect(await scene.serverState(roundId)).toEqual(before)

    spliceText(projector.doc, { kind: 'card', id: scene.board.cards[0]!, field: 'text' }, 0, 0, 'Projeté ')
    await waitFor(() => expect(projector.closeCodes).toContain(CLOSE.refused))
    projector.destroy()
    await scene.settle()
    expect(String(roots(scene.bystander.doc).cards.get(scene.board.cards[0]!)!.get('text'))).not.toContain(
      'Projeté',
    )
    await scene.bystanderAgrees()
  })
})
