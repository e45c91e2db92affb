import type * as Y from 'yjs'
import { readRound, roots } from '../../shared/doc'
import { countEligible, setRoundCounts, writeResults } from '../../shared/ops'
import type { RoundResults, RoundState } from '../../shared/schema'
import { dotsLeft, tally, type Ballot } from '../../shared/voting'
import type { Logger } from '../log'
import type { VoteStore } from '../persistence/types'
import { encodeReply } from '../rooms/messages'
import type { Room } from '../rooms/Room'

const EMPTY: Ballot = Object.freeze({})

/**
 * When a whole room votes at once, the voter count reaches the screens at most this often: one count for each
 * first dot would be one stored change sent to everyone, per voter. A lone vote's count still goes out at once.
 */
export const COUNTS_EVERY_MS = 100

/**
 * A room's votes on the server: the current round's ballots, read from the store once, then kept in memory. Every
 * command of the room runs in one queue (queue.ts), so a vote's check and its write are never interleaved. The voter
 * count is the exception: when votes come close together it follows them on its own timer (publishCounts), and any
 * closing or reveal of the round writes it too.
 */
export class RoomVoting {
  private loadedRound: string | null = null
  private ballots = new Map<string, Ballot>()
  private countsPublishedAt = Number.NEGATIVE_INFINITY
  private countsDue = false

  constructor(
    private readonly room: Room,
    private readonly store: VoteStore,
    private readonly log: Logger,
    private readonly countsEveryMs = COUNTS_EVERY_MS,
  ) {}

  /** The current round as the document has it, its ballots loaded (and its row stored) the first time it is seen. */
  async current(): Promise<RoundState | null> {
    const round = readRound(this.room.doc)
    if (!round) return null
    if (round.id !== this.loadedRound) {
      await this.saveRound(round)
      this.ballots = await this.store.ballots(this.room.workshopId, round.id)
      this.loadedRound = round.id
    }
    return round
  }

  /** Records a round's status and settings next to its ballots. */
  saveRound(round: RoundState, openedAt = Date.now()): Promise<void> {
    const { id, number, settings, status } = round
    return this.store.saveRound({ workshopId: this.room.workshopId, id, number, settings, status, openedAt })
  }

  ballotOf(participantId: string): Ballot {
    return this.ballots.get(participantId) ?? EMPTY
  }

  /** Every non-empty ballot of the current round. */
  allBallots(): ReadonlyMap<string, Ballot> {
    return this.ballots
  }

  /** Stores changed ballots (an empty one deletes), then keeps them. */
  async save(round: RoundState, changed: ReadonlyMap<string, Ballot>): Promise<void> {
    await this.store.saveBallots(this.room.workshopId, round.id, changed)
    for (const [participantId, ballot] of changed) {
      if (Object.keys(ballot).length > 0) this.ballots.set(participantId, ballot)
      else this.ballots.delete(participantId)
    }
  }

  /** Participants still in the roster who placed at least one dot. */
  voterCount(doc: Y.Doc): number {
    const roster = roots(doc).roster
    let voters = 0
    for (const participantId of this.ballots.keys()) {
      const entry = roster.get(participantId)
      if (entry?.role === 'participant' && entry.removed !== true) voters++
    }
    return voters
  }

  /** Totals of the current ballots; in a named round, also who voted for each item. */
  results(round: RoundState): RoundResults {
    const totals = Object.fromEntries(tally(this.ballots.values()))
    if (round.settings.anonymous) return { roundId: round.id, totals }
    const voters: Record<string, string[]> = {}
    for (const participantId of [...this.ballots.keys()].sort()) {
      for (const itemId of Object.keys(this.ballotOf(participantId)))
        (voters[itemId] ??= []).push(participantId)
    }
    return { roundId: round.id, totals, voters }
  }

  /**
   * Writes `alongside` (if given) and brings the document's counts, and a revealed round's results, in line with
   * the ballots, in one stored change.
   */
  publish(alongside?: (doc: Y.Doc) => void): Promise<void> {
    return this.room.change((doc) => {
      alongside?.(doc)
      const round = readRound(doc)
      if (!round || round.id !== this.loadedRound) return
      this.writeCountsInto(doc)
      if (round.status === 'revealed') writeResults(doc, this.results(round))
    })
  }

  /** Inside a change: the current round's voter and eligible counts, as the ballots and roster have them. */
  writeCountsInto(doc: Y.Doc): void {
    if (readRound(doc)?.id !== this.loadedRound) return
    setRoundCounts(doc, { voters: this.voterCount(doc), eligible: countEligible(doc) })
  }

  /**
   * Brings the document's voter count in line with the ballots if it lags (a first dot placed, a last one withdrawn):
   * now, or if a count went out less than `countsEveryMs` ago, once that time is up (one write then covers every vote
   * in between). The room stays loaded until it is written, so that a count is never lost to everyone leaving right
   * after the last vote.
   */
  publishCounts(): void {
    if (this.countsDue || !this.countLags()) return
    const wait = this.countsPublishedAt + this.countsEveryMs - performance.now()
    if (wait <= 0) return void this.writeCounts()
    this.countsDue = true
    this.room.holds++
    setTimeout(() => {
      this.countsDue = false
      void this.writeCounts().then(() => {
        this.room.holds--
        this.room.releaseIfIdle()
      })
    }, wait)
  }

  private async writeCounts(): Promise<void> {
    this.countsPublishedAt = performance.now()
    try {
      if (this.room.gone) return
      // A closing or reveal since may have written the count already: then nothing is written.
      if (!this.countLags()) return
      await this.room.change((doc) => this.writeCountsInto(doc))
    } catch (error) {
      // A failed store fails the room, which tells every client; no command waits on this write to answer.
      this.log.warn('voter_count_not_written', { workshopId: this.room.workshopId, error })
    }
  }

  private countLags(): boolean {
    return readRound(this.room.doc)?.voters !== this.voterCount(this.room.doc)
  }

  /** Sends a participant their own ballot, privately: to their connections only, never the projector's. */
  sendBallot(participantId: string, round: RoundState | null): void {
    const ballot = round && round.id === this.loadedRound ? this.ballotOf(participantId) : EMPTY
    const left = round ? dotsLeft(ballot, round.settings) : 0
    const message = encodeReply({ kind: 'ballot', roundId: round?.id ?? null, ballot, left })
    for (const peer of this.room.peers) {
      if (peer.participantId === participantId && peer.role !== 'projector') peer.send(message)
    }
  }

  /** Sends every connected person their ballot (a round opened, was reset, or had dots moved by a merge). */
  sendBallots(round: RoundState | null, only?: ReadonlySet<string>): void {
    const people = new Set<string>()
    for (const peer of this.room.peers) if (peer.role !== 'projector') people.add(peer.participantId)
    for (const participantId of people)
      if (!only || only.has(participantId)) this.sendBallot(participantId, round)
  }
}
