import { readControl } from '../../shared/doc'
import { connect, until, type BenchClient } from './client'
import { CommandChannel } from './commands'
import type { VoteBurstResult, VoteBurstSetup } from './protocol'
import { setUpWorkshops, type BenchWorkshop, type Seat } from './workshops'

/**
 * The vote burst: every participant of one big workshop casts its dots within one second; measured from the last
 * vote sent to every client showing the final tally. The reference has no referee, so its votes are plain map
 * writes that every client counts; Loupe's go through the refereed vote commands and its reveal.
 */

const BURST_MS = 1000

/** The card ids a participant votes for: the cards of the next participants, so every vote is distinct. */
const choices = (seats: readonly Seat[], seat: Seat, votes: number) =>
  Array.from({ length: votes }, (_, k) => seats[(seat.index + k + 1) % seats.length]?.ownCardId ?? '')

export async function runVoteBurst(setup: VoteBurstSetup): Promise<VoteBurstResult> {
  const [workshop] = await setUpWorkshops(setup.server, setup, [900], setup.participants)
  if (!workshop) throw new Error('no workshop')
  try {
    return setup.server === 'reference'
      ? await referenceBurst(workshop, setup.votesEach)
      : await loupeBurst(workshop, setup, setup.votesEach)
  } finally {
    for (const seat of workshop.seats) seat.client.destroy()
  }
}

/** Each vote is a key of a shared `votes` map; a client shows the final tally once it holds every key. */
async function referenceBurst(workshop: BenchWorkshop, votesEach: number): Promise<VoteBurstResult> {
  const total = workshop.seats.length * votesEach
  const tallyAt = new Map<Seat, number>()
  for (const seat of workshop.seats) {
    const votes = seat.client.doc.getMap<string>('votes')
    votes.observe(() => {
      if (votes.size === total && !tallyAt.has(seat)) tallyAt.set(seat, performance.now())
    })
  }
  const sentAt: number[] = []
  const firstAt = performance.now()
  for (const seat of workshop.seats) {
    choices(workshop.seats, seat, votesEach).forEach((cardId, k) => {
      setTimeout(() => {
        sentAt.push(performance.now())
        seat.client.doc.getMap<string>('votes').set(`${seat.participantId}:${k}`, cardId)
      }, Math.random() * BURST_MS)
    })
  }
  await until(() => tallyAt.size === workshop.seats.length, 30_000, 'every client to hold every vote')
  const shown = Math.max(...tallyAt.values())
  return {
    measured: true,
    votes: total,
    lastVoteToTallyMs: shown - Math.max(...sentAt),
    firstVoteToTallyMs: shown - firstAt,
    how: 'every vote a key of a shared Y.Map; tally = every key present',
  }
}

/**
 * Facilitator opens a round on cards, participants send vote.add, the facilitator closes and reveals once every
 * vote is acknowledged; a client shows the tally once its document's revealed results count every vote.
 */
async function loupeBurst(
  workshop: BenchWorkshop,
  urls: { wsUrl: string },
  votesEach: number,
): Promise<VoteBurstResult> {
  if (!workshop.facilitatorKey) return { measured: false, reason: 'no facilitator credential' }
  const facilitator: BenchClient = await connect(
    urls.wsUrl,
    workshop.name,
    { token: workshop.facilitatorKey },
    {
      id: 'facilitator-1',
      name: 'Animation',
      centre: '',
    },
  )
  try {
    const control = new CommandChannel(facilitator)
    // Before the round opens: opening it hands every participant their ballot.
    const channels = workshop.seats.map((seat) => new CommandChannel(seat.client))
    if (!(await control.answers())) {
      return {
        measured: false,
        reason: 'the server does not answer command messages (MESSAGE_COMMAND 100) yet',
      }
    }
    for (const command of [
      { type: 'phase.set', phase: 'vote' },
      {
        type: 'round.open',
        settings: {
          budget: votesEach,
          maxPerItem: 1,
          targets: 'cards',
          scope: { kind: 'workshop' },
          anonymous: true,
        },
      },
    ] as const) {
      const reply = await control.send(command)
      if (!reply.ok) return { measured: false, reason: `${command.type} refused: ${reply.error}` }
    }
    const sentAt: number[] = []
    const firstAt = performance.now()
    const acks = workshop.seats.flatMap((seat, i) =>
      choices(workshop.seats, seat, votesEach).map(
        (cardId) =>
          new Promise<boolean>((resolve, reject) =>
            setTimeout(() => {
              sentAt.push(performance.now())
              channels[i]?.send({ type: 'vote.add', itemId: cardId }).then((r) => resolve(r.ok), reject)
            }, Math.random() * BURST_MS),
          ),
      ),
    )
    const accepted = (await Promise.all(acks)).filter(Boolean).length
    if (accepted !== acks.length)
      return { measured: false, reason: `${acks.length - accepted} of ${acks.length} votes refused` }
    const revealedAt = new Map<Seat, number>()
    const showsTally = (seat: Seat) => {
      const results = readControl(seat.client.doc).results
      return results !== null && Object.values(results.totals).reduce((n, v) => n + v, 0) === acks.length
    }
    const watchers = workshop.seats.map((seat) => {
      const onUpdate = () => {
        if (!revealedAt.has(seat) && showsTally(seat)) revealedAt.set(seat, performance.now())
      }
      seat.client.doc.on('update', onUpdate)
      return () => seat.client.doc.off('update', onUpdate)
    })
    try {
      for (const type of ['round.close', 'round.reveal'] as const) {
        const reply = await control.send({ type })
        if (!reply.ok) return { measured: false, reason: `${type} refused: ${reply.error}` }
      }
      await until(
        () => revealedAt.size === workshop.seats.length,
        15_000,
        'the revealed tally at every client',
      )
    } catch (error) {
      return { measured: false, reason: error instanceof Error ? error.message : String(error) }
    } finally {
      for (const stop of watchers) stop()
    }
    const shown = Math.max(...revealedAt.values())
    return {
      measured: true,
      votes: acks.length,
      lastVoteToTallyMs: shown - Math.max(...sentAt),
      firstVoteToTallyMs: shown - firstAt,
      how: 'vote.add commands, then round.close + round.reveal; tally shown = control.results totals every vote',
    }
  } finally {
    facilitator.destroy()
  }
}
