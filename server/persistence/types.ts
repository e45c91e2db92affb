import type { Role } from '../../shared/schema'
import type { Ballot, RoundStatus, VoteSettings } from '../../shared/voting'

/**
 * Storage seen by the rest of the server: a registry of workshops and credentials, and a store of Yjs updates.
 * Every method returns a Promise so that a networked database fits behind the same interfaces.
 */

export interface WorkshopRow {
  id: string
  joinCode: string
  title: string
  createdAt: number
  facilitatorKeyHash: string
}

export interface ParticipantRow {
  id: string
  workshopId: string
  name: string
  centre: string
  tokenHash: string
  role: Role
  removed: boolean
  joinedAt: number
}

export interface Credential {
  workshop: WorkshopRow
  participant: ParticipantRow
}

export interface WorkshopRegistry {
  /** Stores a workshop with its facilitator in one step; false when the join code is already taken. */
  createWorkshop(workshop: WorkshopRow, facilitator: ParticipantRow): Promise<boolean>
  findWorkshop(id: string): Promise<WorkshopRow | null>
  /** `joinCode` must already be normalised (shared/ids normalizeJoinCode). */
  findWorkshopByCode(joinCode: string): Promise<WorkshopRow | null>
  addParticipant(participant: ParticipantRow): Promise<void>
  /** Marks someone as removed (or lets them back); false when there is no such participant. */
  setParticipantRemoved(workshopId: string, participantId: string, removed: boolean): Promise<boolean>
  /** The participant (and workshop) a credential hash belongs to, or null. */
  findCredential(tokenHash: string): Promise<Credential | null>
}

export interface StoredDoc {
  /** Updates in the order they were stored; Yjs merges them in any order. */
  updates: Uint8Array[]
  /** Sequence number of the last stored update (0 when there is none), for `replace`. */
  lastSeq: number
}

export interface DocStore {
  load(workshopId: string): Promise<StoredDoc>
  /** Stores updates durably; resolves with the sequence number of the last one once they are on disk. */
  append(workshopId: string, updates: readonly Uint8Array[]): Promise<number>
  /** Compaction: replaces every update up to `uptoSeq` by `snapshot`, atomically; resolves with the snapshot's seq. */
  replace(workshopId: string, snapshot: Uint8Array, uptoSeq: number): Promise<number>
  /** How many updates are stored for a workshop (for compaction decisions and tests). */
  count(workshopId: string): Promise<number>
}

/** A vote round as stored: the document shows its counts, the store keeps it with its ballots. */
export interface RoundRow {
  workshopId: string
  id: string
  number: number
  settings: VoteSettings
  status: RoundStatus
  openedAt: number
}

/**
 * Ballots never enter the document (participants would see each other's votes before the reveal): they live here,
 * one per (round, participant).
 */
export interface VoteStore {
  /** Records a round or its new status. */
  saveRound(round: RoundRow): Promise<void>
  /** Every non-empty ballot of a round, by participant id. */
  ballots(workshopId: string, roundId: string): Promise<Map<string, Ballot>>
  /** Replaces these participants' ballots in one step; an empty ballot deletes the row. */
  saveBallots(workshopId: string, roundId: string, ballots: ReadonlyMap<string, Ballot>): Promise<void>
}

/** One storage backend: its interfaces plus the lifecycle of the underlying connection. */
export interface Storage {
  registry: WorkshopRegistry
  docs: DocStore
  votes: VoteStore
  /** Writes everything pending and releases the database. */
  close(): Promise<void>
}
