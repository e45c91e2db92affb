import type Database from 'better-sqlite3'
import type { Ballot } from '../../shared/voting'
import type { RoundRow, VoteStore } from './types'

/** Vote rounds and ballots on SQLite; statements are synchronous, so every Promise is already settled. */
export function createSqliteVoteStore(db: Database.Database): VoteStore {
  const upsertRound = db.prepare(
    `INSERT INTO vote_rounds (workshop_id, id, number, settings, status, opened_at)
     VALUES (@workshopId, @id, @number, @settings, @status, @openedAt)
     ON CONFLICT (workshop_id, id) DO UPDATE SET status = excluded.status, settings = excluded.settings`,
  )
  const selectBallots = db.prepare<[string, string], { participant_id: string; dots: string }>(
    'SELECT participant_id, dots FROM ballots WHERE workshop_id = ? AND round_id = ?',
  )
  const upsertBallot = db.prepare(
    `INSERT INTO ballots (workshop_id, round_id, participant_id, dots) VALUES (?, ?, ?, ?)
     ON CONFLICT (workshop_id, round_id, participant_id) DO UPDATE SET dots = excluded.dots`,
  )
  const deleteBallot = db.prepare(
    'DELETE FROM ballots WHERE workshop_id = ? AND round_id = ? AND participant_id = ?',
  )
  const writeBallots = db.transaction(
    (workshopId: string, roundId: string, ballots: ReadonlyMap<string, Ballot>) => {
      for (const [participantId, ballot] of ballots) {
        if (Object.keys(ballot).length === 0) deleteBallot.run(workshopId, roundId, participantId)
        else upsertBallot.run(workshopId, roundId, participantId, JSON.stringify(ballot))
      }
    },
  )

  return {
    async saveRound(round: RoundRow) {
      upsertRound.run({ ...round, settings: JSON.stringify(round.settings) })
    },
    async ballots(workshopId, roundId) {
      const ballots = new Map<string, Ballot>()
      for (const row of selectBallots.all(workshopId, roundId))
        ballots.set(row.participant_id, readBallot(row.dots))
      return ballots
    },
    async saveBallots(workshopId, roundId, ballots) {
      writeBallots(workshopId, roundId, ballots)
    },
  }
}

/** A stored ballot, keeping only positive whole dot counts. */
function readBallot(json: string): Ballot {
  const ballot: Record<string, number> = {}
  try {
    const raw = JSON.parse(json) as unknown
    if (typeof raw !== 'object' || raw === null) return ballot
    for (const [itemId, dots] of Object.entries(raw))
      if (Number.isInteger(dots) && dots > 0) ballot[itemId] = dots as number
  } catch {
    // An unreadable row counts as no dots rather than taking the whole round down.
  }
  return ballot
}
