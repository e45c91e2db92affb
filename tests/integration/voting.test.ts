import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readControl } from '../../shared/doc'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { DEFAULT_VOTE_SETTINGS, type VoteSettings } from '../../shared/voting'
import { createWorkshop } from '../helpers/api'
import { expectOk } from '../helpers/commands'
import {
  everyoneSees,
  facilitatorOf,
  furnish,
  participantOf,
  serverDoc,
  type Board,
  type Person,
} from '../helpers/people'
import { readStoredDoc, startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

let t: TestServer
const people: Person[] = []

beforeAll(async () => {
  // Every y-websocket provider listens for the process's exit; this file runs some twenty of them at once.
  process.setMaxListeners(64)
  t = await startTestServer()
})
afterAll(async () => {
  for (const person of people) person.destroy()
  await t.cleanup()
})

async function workshopWith(
  names: string[],
): Promise<{ workshop: CreateWorkshopResponse; facilitator: Person; participants: Person[]; board: Board }> {
  const workshop = await createWorkshop(t.url)
  const facilitator = await facilitatorOf(t, workshop)
  const participants = await Promise.all(names.map((name) => participantOf(t, workshop, name)))
  people.push(facilitator, ...participants)
  const board = await furnish(t, workshop.id, facilitator)
  return { workshop, facilitator, participants, board }
}

const settings = (overrides: Partial<VoteSettings> = {}): VoteSettings => ({
  ...DEFAULT_VOTE_SETTINGS,
  ...overrides,
})

describe('one participant voting', () => {
  it('places and withdraws dots within the budget and the per-item limit, seeing only their own ballot', async () => {
    const { workshop, facilitator, participants, board } = await workshopWith(['Awa', 'Bruno'])
    const [awa, bruno] = participants as [Person, Person]
    const [p1, p2, p3, p4] = board.perspectives as [string, string, string, string]
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: settings({ budget: 3, maxPerItem: 2 }),
    })
    await waitFor(() => expect(awa.commands.lastBallot()).toMatchObject({ ballot: {}, left: 3 }))

    await expectOk(awa.commands, { type: 'vote.add', itemId: p1 })
    await expectOk(awa.commands, { type: 'vote.add', itemId: p1 })
    expect(await awa.commands.send({ type: 'vote.add', itemId: p1 })).toMatchObject({
      ok: false,
      error: 'per_item',
    })
    await expectOk(awa.commands, { type: 'vote.add', itemId: p2 })
    expect(await awa.commands.send({ type: 'vote.add', itemId: p3 })).toMatchObject({
      ok: false,
      error: 'budget',
    })
    expect(awa.commands.lastBallot()).toMatchObject({ ballot: { [p1]: 2, [p2]: 1 }, left: 0 })

    await expectOk(awa.commands, { type: 'vote.remove', itemId: p1 })
    await expectOk(awa.commands, { type: 'vote.add', itemId: p4 })
    expect(await awa.commands.send({ type: 'vote.remove', itemId: p3 })).toMatchObject({
      ok: false,
      error: 'nothing_to_remove',
    })
    expect(awa.commands.lastBallot()).toMatchObject({ ballot: { [p1]: 1, [p2]: 1, [p4]: 1 }, left: 0 })
    expect(await awa.commands.send({ type: 'vote.add', itemId: 'nothing-here' })).toMatchObject({
      ok: false,
      error: 'not_found',
    })

    // Bruno sees that someone voted, not what: no ballot but his own, no totals.
    await everyoneSees(
      [bruno, facilitator],
      (c) => c.round?.voters === 1 && c.round.eligible === 2 && c.results === null,
    )
    expect(bruno.commands.ballots().every((b) => Object.keys(b.ballot).length === 0)).toBe(true)
    await expectOk(bruno.commands, { type: 'ballot.get' })
    expect(bruno.commands.lastBallot()).toMatchObject({ ballot: {}, left: 3 })

    // Someone joining during the round can vote too.
    const late = await participantOf(t, workshop, 'Camille')
    people.push(late)
    await everyoneSees([bruno, late], (c) => c.round?.voters === 1 && c.round.eligible === 3)
  })

  it('only accepts dots on what the round is about', async () => {
    const { facilitator, participants, board } = await workshopWith(['Chloé'])
    const [chloe] = participants as [Person]
    const [firstTheme, secondTheme] = board.themeIds as [string, string]
    const onSecond = board.perspectives[2]!
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: settings({ targets: 'cards', scope: { kind: 'theme', themeId: firstTheme } }),
    })
    expect(await chloe.commands.send({ type: 'vote.add', itemId: board.perspectives[0]! })).toMatchObject({
      error: 'not_votable',
    })
    await expectOk(chloe.commands, { type: 'vote.add', itemId: board.cards[0]! })

    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: settings({ scope: { kind: 'theme', themeId: secondTheme } }),
    })
    expect(await chloe.commands.send({ type: 'vote.add', itemId: board.perspectives[0]! })).toMatchObject({
      error: 'not_votable',
    })
    await expectOk(chloe.commands, { type: 'vote.add', itemId: onSecond })

    await expectOk(facilitator.commands, { type: 'card.hide', cardId: board.cards[1]!, hidden: true })
    await expectOk(facilitator.commands, { type: 'round.open', settings: settings({ targets: 'both' }) })
    expect(await chloe.commands.send({ type: 'vote.add', itemId: board.cards[1]! })).toMatchObject({
      error: 'not_votable',
    })
    await expectOk(chloe.commands, { type: 'vote.add', itemId: board.cards[0]! })
  })
})

describe('fifteen participants voting at once', () => {
  it('ends with exactly the right tally on every screen after the reveal, and 15 / 15 voters', async () => {
    const names = Array.from({ length: 15 }, (_, i) => `Personne ${i + 1}`)
    const { workshop, facilitator, participants, board } = await workshopWith(names)
    const items = board.perspectives
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: settings({ budget: 3, maxPerItem: 2 }),
    })
    await everyoneSees(participants, (c) => c.round?.status === 'open' && c.round.eligible === 15)

    // Person i places two dots on item i % 4 and one on item (i + 1) % 4, every command fired at once.
    const expected: Record<string, number> = {}
    const sends = participants.flatMap((person, i) => {
      const first = items[i % items.length]!
      const second = items[(i + 1) % items.length]!
      expected[first] = (expected[first] ?? 0) + 2
      expected[second] = (expected[second] ?? 0) + 1
      return [first, first, second].map((itemId) => person.commands.send({ type: 'vote.add', itemId }))
    })
    const results = await Promise.all(sends)
    expect(results.every((r) => r.ok)).toBe(true)
    await everyoneSees([facilitator, ...participants], (c) => c.round?.voters === 15 && c.results === null)

    await expectOk(facilitator.commands, { type: 'round.reveal' })
    await everyoneSees(
      [facilitator, ...participants],
      (c) => c.round?.status === 'revealed' && c.results !== null,
    )
    for (const person of [facilitator, ...participants]) {
      expect(readControl(person.doc).results?.totals).toEqual(expected)
      expect(readControl(person.doc).round).toMatchObject({ voters: 15, eligible: 15 })
    }
    expect(readControl(serverDoc(t, workshop.id)).results?.totals).toEqual(expected)
  })
})

describe('voter counts while a room votes at once', () => {
  // A window far longer than a vote's round trip, so that what falls inside it does not depend on the machine's speed.
  const WINDOW_MS = 1500
  let slow: TestServer
  beforeAll(async () => {
    slow = await startTestServer({ voterCountEveryMs: WINDOW_MS })
  })
  afterAll(async () => {
    await slow.cleanup()
  })

  async function votingRoom(names: string[]) {
    const workshop = await createWorkshop(slow.url)
    const facilitator = await facilitatorOf(slow, workshop)
    const participants = await Promise.all(names.map((name) => participantOf(slow, workshop, name)))
    people.push(facilitator, ...participants)
    const board = await furnish(slow, workshop.id, facilitator)
    await expectOk(facilitator.commands, { type: 'round.open', settings: settings() })
    await everyoneSees(participants, (c) => c.round?.status === 'open')
    /** Each voter count the facilitator's screen shows, in order, and the count it showed when the round stopped. */
    const seen: number[] = []
    let whenStopped: number | undefined
    facilitator.doc.on('update', () => {
      const round = readControl(facilitator.doc).round
      if (!round) return
      if (round.voters !== seen.at(-1)) seen.push(round.voters)
      if (round.status !== 'open' && whenStopped === undefined) whenStopped = round.voters
    })
    const firstDots = async () => {
      const started = performance.now()
      for (const person of participants)
        await expectOk(person.commands, { type: 'vote.add', itemId: board.perspectives[0]! })
      return performance.now() - started
    }
    return { workshop, facilitator, participants, seen, stopped: () => whenStopped, firstDots }
  }

  it("writes the first voter's count at once, then one count for the votes of the window", async () => {
    const room = await votingRoom(Array.from({ length: 12 }, (_, i) => `Votant ${i + 1}`))
    const elapsed = await room.firstDots()
    await everyoneSees([room.facilitator, ...room.participants], (c) => c.round?.voters === 12)
    // Twelve first dots, each changing the count: the screens saw 1 (at once), then 12 (when the window ended).
    if (elapsed < WINDOW_MS) expect(room.seen).toEqual([1, 12])
    else expect(room.seen.length).toBeLessThan(12)
  })

  it('closes a round with its final count, even when the last votes came just before', async () => {
    const room = await votingRoom(['Inès', 'Jules'])
    await room.firstDots()
    await expectOk(room.facilitator.commands, { type: 'round.close' })
    await waitFor(() => expect(room.stopped()).toBe(2))
  })

  it('reveals a round with its final count, even when the last votes came just before', async () => {
    const room = await votingRoom(['Karim', 'Léa', 'Mona'])
    await room.firstDots()
    await expectOk(room.facilitator.commands, { type: 'phase.set', phase: 'resultats' })
    await waitFor(() => expect(room.stopped()).toBe(3))
    expect(readControl(room.facilitator.doc).round?.status).toBe('revealed')
  })

  it('writes the last count even when everyone leaves right after the last vote', async () => {
    const room = await votingRoom(['Fanny', 'Gaël', 'Hugo'])
    await room.firstDots()
    for (const person of [room.facilitator, ...room.participants]) person.destroy()

    await waitFor(() => expect(slow.server.rooms.get(room.workshop.id)).toBeUndefined(), { timeout: 8000 })
    expect(readControl(readStoredDoc(slow.dataDir, room.workshop.id).doc).round).toMatchObject({ voters: 3 })
  })
})

describe('rounds', () => {
  it('shows who voted for what in a named round only after the reveal, and keeps past rounds', async () => {
    const { facilitator, participants, board } = await workshopWith(['Driss', 'Élise'])
    const [driss, elise] = participants as [Person, Person]
    const [p1, p2] = board.perspectives as [string, string]
    await expectOk(facilitator.commands, { type: 'round.open', settings: settings({ anonymous: false }) })
    await expectOk(driss.commands, { type: 'vote.add', itemId: p1 })
    await expectOk(elise.commands, { type: 'vote.add', itemId: p1 })
    await everyoneSees(participants, (c) => c.round?.voters === 2)
    expect(readControl(elise.doc).results).toBeNull()

    await expectOk(facilitator.commands, { type: 'round.close' })
    expect(await driss.commands.send({ type: 'vote.add', itemId: p2 })).toMatchObject({
      ok: false,
      error: 'round_not_open',
    })
    await expectOk(facilitator.commands, { type: 'round.reveal' })
    await everyoneSees(participants, (c) => c.results !== null)
    const revealed = readControl(elise.doc)
    expect(revealed.results).toEqual({
      roundId: revealed.round!.id,
      totals: { [p1]: 2 },
      voters: { [p1]: [driss.participantId, elise.participantId].sort() },
    })

    // A reset starts the vote over; the revealed round stays, with its totals.
    await expectOk(facilitator.commands, { type: 'round.reset' })
    await everyoneSees(
      participants,
      (c) => c.round?.number === 2 && c.round.status === 'open' && c.round.voters === 0,
    )
    await waitFor(() =>
      expect(driss.commands.lastBallot()).toMatchObject({
        roundId: readControl(driss.doc).round!.id,
        ballot: {},
      }),
    )
    expect(readControl(driss.doc).results).toBeNull()
    expect(readControl(driss.doc).rounds).toEqual([
      expect.objectContaining({ id: revealed.round!.id, number: 1, totals: { [p1]: 2 } }),
    ])
    expect(readControl(driss.doc).round!.settings.anonymous).toBe(false)

    // An unrevealed round moves to the past without its totals.
    await expectOk(driss.commands, { type: 'vote.add', itemId: p2 })
    await expectOk(facilitator.commands, { type: 'round.open', settings: settings() })
    await everyoneSees(participants, (c) => c.round?.number === 3)
    expect(readControl(elise.doc).rounds.map((r) => [r.number, r.totals])).toEqual([
      [1, { [p1]: 2 }],
      [2, null],
    ])
  })

  it('opens a round on entering the vote and reveals it on entering the results', async () => {
    const { facilitator, participants, board } = await workshopWith(['Farid'])
    const [farid] = participants as [Person]
    await expectOk(facilitator.commands, { type: 'phase.set', phase: 'vote' })
    await everyoneSees(participants, (c) => c.phase === 'vote' && c.round?.status === 'open')
    expect(readControl(farid.doc).round!.settings).toEqual(DEFAULT_VOTE_SETTINGS)
    await expectOk(farid.commands, { type: 'vote.add', itemId: board.perspectives[1]! })

    await expectOk(facilitator.commands, { type: 'phase.set', phase: 'resultats' })
    await everyoneSees(participants, (c) => c.phase === 'resultats' && c.round?.status === 'revealed')
    expect(readControl(farid.doc).results?.totals).toEqual({ [board.perspectives[1]!]: 1 })

    // Back to the vote: a fresh round with the same settings; the revealed one is kept.
    await expectOk(facilitator.commands, { type: 'phase.set', phase: 'vote' })
    await everyoneSees(participants, (c) => c.round?.number === 2 && c.rounds.length === 1)
  })

  it('updates revealed results when a card with dots is merged into another', async () => {
    const { facilitator, participants, board } = await workshopWith(['Gaëlle'])
    const [gaelle] = participants as [Person]
    const [c1, c2] = board.cards as [string, string]
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: settings({ targets: 'cards', budget: 2 }),
    })
    await expectOk(gaelle.commands, { type: 'vote.add', itemId: c1 })
    await expectOk(gaelle.commands, { type: 'vote.add', itemId: c2 })
    await expectOk(facilitator.commands, { type: 'round.reveal' })
    await expectOk(facilitator.commands, { type: 'card.merge', sourceId: c1, targetId: c2 })
    await everyoneSees(participants, (c) => JSON.stringify(c.results?.totals) === JSON.stringify({ [c2]: 2 }))
    await waitFor(() => expect(gaelle.commands.lastBallot()?.ballot).toEqual({ [c2]: 2 }))
  })
})
