import { connect } from './client'
import { CommandChannel } from './commands'
import { BUDGET_RANGE } from '../../shared/voting'
import type { BenchWorkshop, Seat } from './workshops'

/**
 * Loupe's real votes for the mixed load: the facilitator of each workshop opens a round on cards (it may run while
 * people still write), and every participant then places and withdraws dots with the refereed vote commands.
 */

export const VOTE_BUDGET = BUDGET_RANGE.max

/** Each seat's command channel, once every workshop has an open round; null when the server has no commands. */
export async function openVoteRounds(
  workshops: readonly BenchWorkshop[],
  wsUrl: string,
): Promise<Map<Seat, CommandChannel> | null> {
  // Channels first: opening a round hands everyone their (empty) ballot.
  const channels = new Map<Seat, CommandChannel>()
  for (const workshop of workshops)
    for (const seat of workshop.seats) channels.set(seat, new CommandChannel(seat.client))
  for (const workshop of workshops) {
    if (!workshop.facilitatorKey) return null
    const facilitator = await connect(
      wsUrl,
      workshop.name,
      { token: workshop.facilitatorKey },
      { id: 'facilitator-1', name: 'Animation', centre: '' },
    )
    try {
      const control = new CommandChannel(facilitator)
      if (!(await control.answers())) return null
      const budget = Math.min(VOTE_BUDGET, workshop.seats.length - 1)
      const settings = {
        budget,
        maxPerItem: 1,
        targets: 'cards',
        scope: { kind: 'workshop' },
        anonymous: true,
      } as const
      const reply = await control.send({ type: 'round.open', settings })
      if (!reply.ok) throw new Error(`round.open refused: ${reply.error}`)
    } finally {
      facilitator.destroy()
    }
  }
  return channels
}

/** One participant's dots: placed on the others' cards one by one up to the budget, then withdrawn one by one. */
export class Ballot {
  private readonly placed: string[] = []
  private withdrawing = false
  private next = 0

  constructor(
    readonly channel: CommandChannel,
    private readonly targets: readonly string[],
    private readonly budget: number,
  ) {}

  /** The next command to send, as if it will be accepted. */
  nextCommand(): { type: 'vote.add' | 'vote.remove'; itemId: string } {
    if (this.placed.length === 0) this.withdrawing = false
    if (this.placed.length >= this.budget) this.withdrawing = true
    if (this.withdrawing) return { type: 'vote.remove', itemId: this.placed.shift() ?? '' }
    const itemId = this.targets[this.next++ % this.targets.length] ?? ''
    this.placed.push(itemId)
    return { type: 'vote.add', itemId }
  }
}
