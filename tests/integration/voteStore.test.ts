import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/persistence/sqlite'
import { readControl } from '../../shared/doc'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { createWorkshop } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { commander, expectOk } from '../helpers/commands'
import { facilitatorOf, furnish, participantOf } from '../helpers/people'
import { makeDataDir, startTestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('the SQLite vote store', () => {
  it('keeps one ballot per participant and round; an empty ballot deletes it', async () => {
    const dataDir = await makeDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    // Ballots belong to a round of a real workshop.
    const t = await startTestServer({ dataDir })
    const workshop = await createWorkshop(t.url)
    await t.stop()

    const storage = openSqliteStorage(dataDir)
    cleanups.push(() => storage.close())
    const { votes } = storage
    const round = {
      workshopId: workshop.id,
      id: 'r1',
      number: 1,
      settings: DEFAULT_VOTE_SETTINGS,
      status: 'open',
      openedAt: 1,
    } as const
    await votes.saveRound(round)
    await votes.saveBallots(
      workshop.id,
      'r1',
      new Map([
        ['p-a', { x: 1 }],
        ['p-b', { x: 1, y: 2 }],
      ]),
    )
    await votes.saveBallots(
      workshop.id,
      'r1',
      new Map([
        ['p-a', {}],
        ['p-b', { y: 1 }],
      ]),
    )
    expect(await votes.ballots(workshop.id, 'r1')).toEqual(new Map([['p-b', { y: 1 }]]))
    expect(await votes.ballots(workshop.id, 'r2')).toEqual(new Map())
    await votes.saveRound({ ...round, status: 'revealed' })
    await expect(
      votes.saveBallots(workshop.id, 'unknown-round', new Map([['p-a', { x: 1 }]])),
    ).rejects.toThrow()
  })
})

describe('ballots across a restart', () => {
  it('come back from disk: the budget still counts the dots placed before', async () => {
    const dataDir = await makeDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ dataDir })
    const workshop = await createWorkshop(first.url)
    const facilitator = await facilitatorOf(first, workshop)
    const board = await furnish(first, workshop.id, facilitator)
    const voter = await participantOf(first, workshop, 'Inès')
    await expectOk(facilitator.commands, {
      type: 'round.open',
      settings: { ...DEFAULT_VOTE_SETTINGS, budget: 2 },
    })
    await expectOk(voter.commands, { type: 'vote.add', itemId: board.perspectives[0]! })
    await expectOk(voter.commands, { type: 'vote.add', itemId: board.perspectives[1]! })
    facilitator.destroy()
    voter.destroy()
    await first.stop()

    const second = await startTestServer({ dataDir })
    cleanups.push(() => second.stop())
    const again = connectClient(second.url, workshop.id, voter.token)
    cleanups.push(async () => again.destroy())
    await again.whenSynced
    const commands = commander(again)
    expect(readControl(again.doc).round).toMatchObject({ status: 'open', voters: 1 })
    await expectOk(commands, { type: 'ballot.get' })
    await waitFor(() =>
      expect(commands.lastBallot()).toMatchObject({
        ballot: { [board.perspectives[0]!]: 1, [board.perspectives[1]!]: 1 },
        left: 0,
      }),
    )
    expect(await commands.send({ type: 'vote.add', itemId: board.perspectives[2]! })).toMatchObject({
      ok: false,
      error: 'budget',
    })
  })
})
