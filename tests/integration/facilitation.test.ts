import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readControl, roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import { CLOSE, type AddFacilitatorResponse, type CreateWorkshopResponse } from '../../shared/protocol'
import { clockOffset, timeLeft } from '../../shared/timer'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { createWorkshop, request } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { commander, expectOk, type ResultReply } from '../helpers/commands'
import {
  everyoneSees,
  facilitatorOf,
  furnish,
  participantOf,
  serverDoc,
  type Board,
  type Person,
} from '../helpers/people'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
let workshop: CreateWorkshopResponse
let facilitator: Person
let awa: Person
let bruno: Person
let board: Board
const everyone = () => [facilitator, awa, bruno]

beforeAll(async () => {
  t = await startTestServer()
  workshop = await createWorkshop(t.url)
  facilitator = await facilitatorOf(t, workshop)
  awa = await participantOf(t, workshop, 'Awa')
  bruno = await participantOf(t, workshop, 'Bruno')
  board = await furnish(t, workshop.id, facilitator, 2, 4)
})
afterAll(async () => {
  for (const person of everyone()) person.destroy()
  await t.cleanup()
})

const cardText = (person: Person, id: string) => roots(person.doc).cards.get(id)?.get('text')?.toString()

describe('the countdown', () => {
  it('starts, pauses, gains a minute, resumes and stops on every screen, in the server clock', async () => {
    const before = Date.now()
    await expectOk(facilitator.commands, { type: 'timer.start', durationMs: 5 * 60_000 })
    await everyoneSees(everyone(), (c) => c.timer.status === 'running')
    const running = readControl(awa.doc).timer
    expect(running).toMatchObject({ status: 'running', durationMs: 300_000 })
    if (running.status === 'running') expect(running.endsAt - before).toBeGreaterThanOrEqual(300_000)

    await expectOk(facilitator.commands, { type: 'timer.pause' })
    await everyoneSees(everyone(), (c) => c.timer.status === 'paused')
    await expectOk(facilitator.commands, { type: 'timer.addMinute' })
    await everyoneSees(everyone(), (c) => c.timer.status === 'paused' && c.timer.durationMs === 360_000)
    const paused = readControl(bruno.doc).timer
    expect(paused.status === 'paused' && paused.remainingMs).toBeGreaterThan(355_000)

    await expectOk(facilitator.commands, { type: 'timer.resume' })
    await everyoneSees(everyone(), (c) => c.timer.status === 'running' && c.timer.durationMs === 360_000)
    await expectOk(facilitator.commands, { type: 'timer.stop' })
    await everyoneSees(everyone(), (c) => c.timer.status === 'idle')
  })

  it('shows the same time left on a laptop whose clock is an hour behind, once it has pinged the server', async () => {
    await expectOk(facilitator.commands, { type: 'timer.start', durationMs: 10 * 60_000 })
    await everyoneSees([awa], (c) => c.timer.status === 'running')
    const skew = -3_600_000
    const laptopNow = () => Date.now() + skew
    const sentAt = laptopNow()
    const result = await awa.commands.send({ type: 'clock.ping', sentAt })
    expect(result.ok).toBe(true)
    const clock = awa.commands.replies.find((r) => r.kind === 'clock' && r.sentAt === sentAt)
    if (clock?.kind !== 'clock') throw new Error('no clock reading')
    const offset = clockOffset(sentAt, clock.serverTime, laptopNow())
    expect(Math.abs(offset + skew)).toBeLessThan(1000)
    const timer = readControl(awa.doc).timer
    expect(Math.abs(timeLeft(timer, laptopNow() + offset) - timeLeft(timer, Date.now()))).toBeLessThan(1000)
    await expectOk(facilitator.commands, { type: 'timer.stop' })
  })
})

describe('phases, locks and the projector', () => {
  it('moves forward and back through the phases and locks one board', async () => {
    for (const phase of ['regroupement', 'collecte'] as const) {
      await expectOk(facilitator.commands, { type: 'phase.set', phase })
      await everyoneSees(everyone(), (c) => c.phase === phase)
    }
    const [first] = board.themeIds as [string]
    await expectOk(facilitator.commands, { type: 'theme.lock', themeId: first, locked: true })
    await everyoneSees(everyone(), (c) => c.lockedThemes.includes(first))
    expect(
      await facilitator.commands.send({ type: 'theme.lock', themeId: 'nothing-here', locked: true }),
    ).toMatchObject({
      error: 'not_found',
    })
    await expectOk(facilitator.commands, { type: 'theme.lock', themeId: first, locked: false })
    await everyoneSees(everyone(), (c) => c.lockedThemes.length === 0)
  })

  it('sets what the projector follows', async () => {
    const target = { kind: 'perspective', perspectiveId: board.perspectives[1]! } as const
    await expectOk(facilitator.commands, { type: 'projector.follow', target })
    await everyoneSees(everyone(), (c) => JSON.stringify(c.follow) === JSON.stringify(target))
    const missing = { type: 'projector.follow', target: { kind: 'card', cardId: 'nothing-here' } } as const
    expect(await facilitator.commands.send(missing)).toMatchObject({ error: 'not_found' })
  })
})

describe('a co-facilitator', () => {
  it('gets a key of their own from the facilitator, and steers with it', async () => {
    const auth = (key: string) => ({ method: 'POST', headers: { authorization: `Bearer ${key}` } })
    const path = `/api/workshops/${workshop.id}/facilitators`
    const issued = await request<AddFacilitatorResponse>(t.url, path, auth(workshop.facilitatorKey))
    expect(issued.status).toBe(201)
    expect(issued.body.facilitatorPath).toBe(
      `/atelier/${workshop.id}/animer#cle=${issued.body.facilitatorKey}`,
    )
    expect((await request(t.url, path, auth(awa.token))).status).toBe(401)
    expect((await request(t.url, path, { method: 'POST' })).status).toBe(401)

    const session = await request<{ role: string; participantId: string }>(
      t.url,
      `/api/workshops/${workshop.id}/session`,
      {
        headers: { authorization: `Bearer ${issued.body.facilitatorKey}` },
      },
    )
    expect(session.body.role).toBe('facilitator')
    await waitFor(() =>
      expect(roots(awa.doc).roster.get(session.body.participantId)?.role).toBe('facilitator'),
    )
    const co = connectClient(t.url, workshop.id, issued.body.facilitatorKey)
    await co.whenSynced
    await expectOk(commander(co), { type: 'projector.follow', target: { kind: 'results' } })
    await everyoneSees(everyone(), (c) => c.follow.kind === 'results')
    co.destroy()
  })
})

describe('moderation', () => {
  it('hides a card and shows it again', async () => {
    const cardId = board.cards[3]!
    await expectOk(facilitator.commands, { type: 'card.hide', cardId, hidden: true })
    await everyoneSees(everyone(), (c) => c.hiddenCards.includes(cardId))
    expect(cardText(awa, cardId)).toBe('Carte 4')
    await expectOk(facilitator.commands, { type: 'card.hide', cardId, hidden: false })
    await everyoneSees(everyone(), (c) => !c.hiddenCards.includes(cardId))
    expect(
      await facilitator.commands.send({ type: 'card.hide', cardId: 'nothing-here', hidden: true }),
    ).toMatchObject({
      error: 'not_found',
    })
  })

  it('merges two cards, keeping both texts and every dot, even past the per-item limit', async () => {
    const [, , source, target] = board.cards as [string, string, string, string]
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: { ...DEFAULT_VOTE_SETTINGS, targets: 'cards', budget: 2 },
    })
    await expectOk(awa.commands, { type: 'vote.add', itemId: source })
    await expectOk(awa.commands, { type: 'vote.add', itemId: target })
    await expectOk(bruno.commands, { type: 'vote.add', itemId: source })

    await expectOk(facilitator.commands, { type: 'card.merge', sourceId: source, targetId: target })
    for (const person of everyone()) {
      await waitFor(() => expect(cardText(person, target)).toBe('Carte 4\nCarte 3'))
      expect(roots(person.doc).cards.has(source)).toBe(false)
    }
    await waitFor(() => expect(awa.commands.lastBallot()?.ballot).toEqual({ [target]: 2 }))
    await waitFor(() => expect(bruno.commands.lastBallot()?.ballot).toEqual({ [target]: 1 }))
    await expectOk(facilitator.commands, { type: 'round.reveal' })
    await everyoneSees(
      everyone(),
      (c) => c.results?.totals[target] === 3 && !(source in (c.results?.totals ?? {})),
    )
    const missing = { type: 'card.merge', sourceId: source, targetId: target } as const
    expect(await facilitator.commands.send(missing)).toMatchObject({ error: 'not_found' })
  })

  it('removes a participant: connections closed with 4403, the credential refused, cards kept, ballot dropped', async () => {
    const leaving = await participantOf(t, workshop, 'Chloé')
    const secondTab = connectClient(t.url, workshop.id, leaving.token)
    await secondTab.whenSynced
    // A second tab hears its own ballot too.
    const secondTabCommands = commander(secondTab)
    const cardId = addCard(leaving.doc, {
      themeId: board.themeIds[1]!,
      perspectiveId: null,
      text: 'Idée de Chloé',
      author: leaving.participantId,
    })!
    await waitFor(() => expect(cardText(awa, cardId)).toBe('Idée de Chloé'))
    await expectOk(facilitator.commands, { type: 'round.open', settings: DEFAULT_VOTE_SETTINGS })
    await expectOk(leaving.commands, { type: 'vote.add', itemId: board.perspectives[0]! })
    await expectOk(awa.commands, { type: 'vote.add', itemId: board.perspectives[1]! })
    await everyoneSees(everyone(), (c) => c.round?.voters === 2 && c.round.eligible === 3)
    await waitFor(() =>
      expect(secondTabCommands.lastBallot()?.ballot).toEqual({ [board.perspectives[0]!]: 1 }),
    )
    const roundId = readControl(serverDoc(t, workshop.id)).round!.id

    expect(
      await awa.commands.send({ type: 'participant.remove', participantId: leaving.participantId }),
    ).toMatchObject({
      error: 'forbidden',
    })
    const result: ResultReply = await facilitator.commands.send({
      type: 'participant.remove',
      participantId: leaving.participantId,
    })
    expect(result.ok).toBe(true)
    await waitFor(() => expect(leaving.closeCodes).toEqual([CLOSE.removed]))
    await waitFor(() => expect(secondTab.closeCodes).toEqual([CLOSE.removed]))
    expect(leaving.provider.shouldConnect).toBe(false)
    const again = connectClient(t.url, workshop.id, leaving.token)
    await waitFor(() => expect(again.closeCodes).toEqual([CLOSE.removed]))

    await everyoneSees(everyone(), (c) => c.round?.voters === 1 && c.round.eligible === 2)
    expect(roots(awa.doc).roster.get(leaving.participantId)).toMatchObject({ name: 'Chloé', removed: true })
    expect(cardText(awa, cardId)).toBe('Idée de Chloé')
    expect(roots(serverDoc(t, workshop.id)).cards.has(cardId)).toBe(true)
    expect((await t.server.storage.votes.ballots(workshop.id, roundId)).has(leaving.participantId)).toBe(
      false,
    )
    const facilitatorRemoval = { type: 'participant.remove', participantId: 'facilitator-1' } as const
    expect(await facilitator.commands.send(facilitatorRemoval)).toMatchObject({ error: 'forbidden' })
    for (const client of [leaving, secondTab, again]) client.destroy()
  })
})
