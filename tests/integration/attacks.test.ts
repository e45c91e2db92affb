import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Command } from '../../shared/commands'
import { readControl } from '../../shared/doc'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { createWorkshop } from '../helpers/api'
import { attackScene, type AttackScene } from '../helpers/attackScene'
import { expectOk, recordFrames, replyOf } from '../helpers/commands'
import { everyoneSees, participantOf } from '../helpers/people'
import { waitFor } from '../helpers/waitFor'

/** Attacks through commands: votes beyond the rules, steering without the right, peeking at secret ballots. */

let scene: AttackScene

beforeAll(async () => {
  scene = await attackScene()
})
afterEach(() => scene.reset())
afterAll(() => scene.close())

describe('votes a participant may not place', () => {
  it('beyond the budget, even fired all at once', async () => {
    const roundId = await scene.openRound({ budget: 3, maxPerItem: 1 })
    const mallory = await scene.attacker()
    const sends = scene.board.perspectives
      .slice(0, 5)
      .map((itemId) => mallory.commands.send({ type: 'vote.add', itemId }))
    const results = await Promise.all(sends)
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(['budget', 'budget'])
    const stored = (await scene.serverState(roundId)).ballots[mallory.participantId]
    expect(Object.values(stored ?? {}).reduce((a, b) => a + b, 0)).toBe(3)
    await scene.settle()
    await scene.bystanderAgrees()
    expect(readControl(scene.bystander.doc).results).toBeNull()
  })

  it('beyond the per-item limit, even fired all at once', async () => {
    const roundId = await scene.openRound({ budget: 5, maxPerItem: 2 })
    const mallory = await scene.attacker()
    const itemId = scene.board.perspectives[0]!
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => mallory.commands.send({ type: 'vote.add', itemId })),
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.error)).sort()).toEqual(['ok', 'ok', 'per_item', 'per_item'])
    expect((await scene.serverState(roundId)).ballots[mallory.participantId]).toEqual({ [itemId]: 2 })
    await scene.settle()
    await scene.bystanderAgrees()
  })

  it('while voting is closed, or before any round', async () => {
    const fresh = await createWorkshop(scene.t.url)
    const early = await participantOf(scene.t, fresh, 'Nadia')
    expect(await early.commands.send({ type: 'vote.add', itemId: 'whatever' })).toMatchObject({
      ok: false,
      error: 'no_round',
    })
    early.destroy()

    const roundId = await scene.openRound()
    await expectOk(scene.facilitator.commands, { type: 'round.close' })
    const mallory = await scene.attacker()
    const before = await scene.serverState(roundId)
    expect(
      await mallory.commands.send({ type: 'vote.add', itemId: scene.board.perspectives[0]! }),
    ).toMatchObject({ ok: false, error: 'round_not_open' })
    expect(await scene.serverState(roundId)).toEqual(before)
    await scene.settle()
    await scene.bystanderAgrees()
  })

  it("in someone else's name: a command carries no voter, and a forged one is ignored", async () => {
    const roundId = await scene.openRound({ budget: 3 })
    const [p1, p2] = scene.board.perspectives as [string, string]
    await expectOk(scene.victim.commands, { type: 'vote.add', itemId: p1 })
    const mallory = await scene.attacker()
    // Adding to the victim's ballot lands on Mallory's own; taking from it finds nothing of Mallory's to take.
    const forgedAdd: Record<string, unknown> = {
      type: 'vote.add',
      itemId: p2,
      participantId: scene.victim.participantId,
    }
    const forgedRemove: Record<string, unknown> = {
      type: 'vote.remove',
      itemId: p1,
      participantId: scene.victim.participantId,
      voter: scene.victim.participantId,
    }
    expect(await mallory.commands.send(forgedAdd)).toMatchObject({ ok: true })
    expect(await mallory.commands.send(forgedRemove)).toMatchObject({ ok: false, error: 'nothing_to_remove' })
    const { ballots } = await scene.serverState(roundId)
    expect(ballots[scene.victim.participantId]).toEqual({ [p1]: 1 })
    expect(ballots[mallory.participantId]).toEqual({ [p2]: 1 })
    await expectOk(scene.victim.commands, { type: 'ballot.get' })
    expect(scene.victim.commands.lastBallot()).toMatchObject({ roundId, ballot: { [p1]: 1 }, left: 2 })
    await scene.settle()
    await scene.bystanderAgrees()
  })
})

describe('steering the workshop is the facilitator’s', () => {
  const steering: Command[] = [
    { type: 'phase.set', phase: 'resultats' },
    { type: 'round.open', settings: { ...DEFAULT_VOTE_SETTINGS, budget: 20, maxPerItem: 20 } },
    { type: 'round.close' },
    { type: 'round.reveal' },
    { type: 'round.reset' },
    { type: 'timer.start', durationMs: 60_000 },
    { type: 'timer.stop' },
    { type: 'theme.lock', themeId: 'x', locked: true },
    { type: 'card.hide', cardId: 'x', hidden: true },
    { type: 'participant.remove', participantId: 'facilitator-1' },
    { type: 'projector.follow', target: { kind: 'results' } },
  ]

  it('a participant sending any steering command is refused, and nothing changes', async () => {
    const roundId = await scene.openRound()
    await expectOk(scene.victim.commands, { type: 'vote.add', itemId: scene.board.perspectives[0]! })
    // The voter count may trail the answer by a moment (counts of votes close together go out together).
    await everyoneSees([scene.victim], (c) => c.round?.voters === 1)
    const mallory = await scene.attacker()
    const before = await scene.serverState(roundId)
    for (const command of steering)
      expect(await mallory.commands.send(command)).toMatchObject({ ok: false, error: 'forbidden' })
    // Revealing hidden votes included: nothing about the victim's dot reaches anyone.
    expect(await scene.serverState(roundId)).toEqual(before)
    expect(readControl(mallory.doc).results).toBeNull()
    expect(mallory.closeCodes).toEqual([])
    await scene.settle()
    await scene.bystanderAgrees()
  })
})

describe('malformed commands', () => {
  it('are answered "malformed" without closing the connection', async () => {
    const mallory = await scene.attacker()
    expect(await mallory.commands.sendText('pas du JSON', -1)).toMatchObject({
      ok: false,
      error: 'malformed',
    })
    expect(
      await mallory.commands.sendText(JSON.stringify({ id: 7, command: { type: 'vote.add' } }), 7),
    ).toMatchObject({
      ok: false,
      error: 'malformed',
    })
    const wrongPhase: Record<string, unknown> = { type: 'phase.set', phase: 'pause' }
    const wrongBudget: Record<string, unknown> = { type: 'round.open', settings: { budget: 50 } }
    expect(await mallory.commands.send(wrongPhase)).toMatchObject({ ok: false, error: 'malformed' })
    expect(await mallory.commands.send(wrongBudget)).toMatchObject({ ok: false, error: 'malformed' })
    // A command frame whose text is cut short: still an answer, not a disconnection.
    mallory.provider.ws?.send(new Uint8Array([100, 50, 1]))
    await waitFor(
      () => mallory.commands.replies.filter((r) => r.kind === 'result' && r.id === -1).length === 2,
    )
    await expectOk(mallory.commands, { type: 'ballot.get' })
    expect(mallory.closeCodes).toEqual([])
  })
})

describe('secret ballots', () => {
  it("leave no trace of anyone else's vote in a participant's document or in anything it received", async () => {
    const watcher = await scene.attacker('Wanda')
    const frames = recordFrames(watcher)
    const roundId = await scene.openRound({ budget: 2, maxPerItem: 2 })
    const from = frames.length
    // Items no card sits in, so their ids appear in no value of the document: only a vote could carry them.
    const [, secretA, secretB] = scene.board.perspectives as [string, string, string]
    await expectOk(scene.victim.commands, { type: 'vote.add', itemId: secretA })
    await expectOk(scene.victim.commands, { type: 'vote.add', itemId: secretB })
    await expectOk(scene.bystander.commands, { type: 'vote.add', itemId: secretA })
    await expectOk(watcher.commands, { type: 'ballot.get' })
    await everyoneSees([watcher], (c) => c.round?.id === roundId && c.round.voters === 2)

    const control = readControl(watcher.doc)
    expect(control.results).toBeNull()
    const everything = JSON.stringify(watcher.doc.toJSON())
    for (const id of [secretA, secretB]) {
      // The id names its perspective (a map key) and nothing else: no ballot, no total.
      expect(everything.split(`"${id}"`).length - 1).toBe(1)
      expect(JSON.stringify(control)).not.toContain(id)
    }
    const received = frames.slice(from)
    expect(received.length).toBeGreaterThan(0)
    const text = received.map((frame) => Buffer.from(frame).toString('latin1')).join('\n')
    for (const id of [secretA, secretB, scene.victim.participantId, scene.bystander.participantId])
      expect(text).not.toContain(id)
    const replies = received.map(replyOf).filter((reply) => reply !== null)
    expect(
      replies
        .filter((r) => r.kind === 'ballot')
        .every((r) => r.kind === 'ballot' && Object.keys(r.ballot).length === 0),
    ).toBe(true)
  })
})
