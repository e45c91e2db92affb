import { expect } from 'vitest'
import { readControl, roots } from '../../shared/doc'
import { addCard } from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { DEFAULT_VOTE_SETTINGS, type Ballot, type VoteSettings } from '../../shared/voting'
import { createWorkshop } from './api'
import { expectOk } from './commands'
import {
  everyoneSees,
  facilitatorOf,
  furnish,
  participantOf,
  serverDoc,
  type Board,
  type Person,
} from './people'
import { startTestServer, type TestServer } from './server'
import { waitFor } from './waitFor'

/**
 * The set-up of the attack tests: a workshop with its facilitator, a victim who votes, a bystander whose copy must
 * never change, and fresh attackers joined per test.
 */
export interface AttackScene {
  t: TestServer
  workshop: CreateWorkshopResponse
  facilitator: Person
  victim: Person
  bystander: Person
  board: Board
  /** A newly joined participant, disconnected when the test ends. */
  attacker(name?: string): Promise<Person>
  /** Opens a round with these settings and waits until everyone sees it; returns its id. */
  openRound(overrides?: Partial<VoteSettings>): Promise<string>
  /** What the server holds that an attack must not change: its control state and the round's stored ballots. */
  serverState(
    roundId: string | null,
  ): Promise<{ control: ReturnType<typeof readControl>; ballots: Record<string, Ballot> }>
  /** A card by the facilitator (who may write in any phase), seen by the bystander: whatever was relayed before it was too. */
  settle(): Promise<void>
  /** The bystander's control state is the server's, and the bystander was never disturbed. */
  bystanderAgrees(): Promise<void>
  /** Back to a calm state: attackers gone, collecting ideas, no lock. */
  reset(): Promise<void>
  close(): Promise<void>
}

export async function attackScene(): Promise<AttackScene> {
  const t = await startTestServer()
  const workshop = await createWorkshop(t.url)
  const facilitator = await facilitatorOf(t, workshop)
  const victim = await participantOf(t, workshop, 'Victor')
  const bystander = await participantOf(t, workshop, 'Bérénice')
  const board = await furnish(t, workshop.id, facilitator, 3, 2)
  const attackers: Person[] = []
  const server = () => serverDoc(t, workshop.id)

  return {
    t,
    workshop,
    facilitator,
    victim,
    bystander,
    board,
    async attacker(name = 'Mallory') {
      const person = await participantOf(t, workshop, name)
      attackers.push(person)
      return person
    },
    async openRound(overrides = {}) {
      await expectOk(facilitator.commands, {
        type: 'round.open',
        settings: { ...DEFAULT_VOTE_SETTINGS, ...overrides },
      })
      const roundId = readControl(server()).round!.id
      await everyoneSees([bystander, victim], (c) => c.round?.id === roundId)
      return roundId
    },
    async serverState(roundId) {
      const ballots: Map<string, Ballot> = roundId
        ? await t.server.storage.votes.ballots(workshop.id, roundId)
        : new Map()
      return { control: readControl(server()), ballots: Object.fromEntries(ballots) }
    },
    async settle() {
      const place = {
        themeId: board.themeIds[1]!,
        perspectiveId: null,
        text: 'Repère',
        author: facilitator.participantId,
      }
      const id = addCard(facilitator.doc, place)!
      await waitFor(() => roots(bystander.doc).cards.has(id))
    },
    async bystanderAgrees() {
      await waitFor(() => expect(readControl(bystander.doc)).toEqual(readControl(server())))
      expect(bystander.closeCodes).toEqual([])
    },
    async reset() {
      for (const person of attackers.splice(0)) person.destroy()
      await expectOk(facilitator.commands, { type: 'phase.set', phase: 'collecte' })
      for (const themeId of board.themeIds)
        await expectOk(facilitator.commands, { type: 'theme.lock', themeId, locked: false })
    },
    async close() {
      for (const person of [...attackers, facilitator, victim, bystander]) person.destroy()
      await t.cleanup()
    },
  }
}
