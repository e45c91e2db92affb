import type Database from 'better-sqlite3'
import type { Role } from '../../shared/schema'
import type { Credential, ParticipantRow, WorkshopRegistry, WorkshopRow } from './types'

interface WorkshopRecord {
  id: string
  join_code: string
  title: string
  created_at: number
  facilitator_key_hash: string
}

interface ParticipantRecord {
  workshop_id: string
  id: string
  name: string
  centre: string
  token_hash: string
  role: string
  removed: number
  joined_at: number
}

const toWorkshop = (r: WorkshopRecord): WorkshopRow => ({
  id: r.id,
  joinCode: r.join_code,
  title: r.title,
  createdAt: r.created_at,
  facilitatorKeyHash: r.facilitator_key_hash,
})

const toParticipant = (r: ParticipantRecord): ParticipantRow => ({
  id: r.id,
  workshopId: r.workshop_id,
  name: r.name,
  centre: r.centre,
  tokenHash: r.token_hash,
  role: r.role as Role,
  removed: r.removed !== 0,
  joinedAt: r.joined_at,
})

/** The workshop registry on SQLite; statements are synchronous, so every Promise is already settled. */
export function createSqliteRegistry(db: Database.Database): WorkshopRegistry {
  const insertWorkshop = db.prepare(
    `INSERT INTO workshops (id, join_code, title, created_at, facilitator_key_hash)
     VALUES (@id, @joinCode, @title, @createdAt, @facilitatorKeyHash)`,
  )
  const insertParticipant = db.prepare(
    `INSERT INTO participants (workshop_id, id, name, centre, token_hash, role, removed, joined_at)
     VALUES (@workshopId, @id, @name, @centre, @tokenHash, @role, @removed, @joinedAt)`,
  )
  const workshopById = db.prepare<[string], WorkshopRecord>('SELECT * FROM workshops WHERE id = ?')
  const workshopByCode = db.prepare<[string], WorkshopRecord>('SELECT * FROM workshops WHERE join_code = ?')
  const participantByHash = db.prepare<[string], ParticipantRecord>(
    'SELECT * FROM participants WHERE token_hash = ?',
  )
  const updateRemoved = db.prepare('UPDATE participants SET removed = ? WHERE workshop_id = ? AND id = ?')

  const participantParams = (p: ParticipantRow) => ({ ...p, removed: p.removed ? 1 : 0 })
  const createBoth = db.transaction((workshop: WorkshopRow, facilitator: ParticipantRow) => {
    insertWorkshop.run(workshop)
    insertParticipant.run(participantParams(facilitator))
  })

  return {
    async createWorkshop(workshop, facilitator) {
      if (workshopByCode.get(workshop.joinCode)) return false
      try {
        createBoth(workshop, facilitator)
        return true
      } catch (error) {
        if (isUniqueViolation(error) && workshopByCode.get(workshop.joinCode)) return false
        throw error
      }
    },
    async findWorkshop(id) {
      const row = workshopById.get(id)
      return row ? toWorkshop(row) : null
    },
    async findWorkshopByCode(joinCode) {
      const row = workshopByCode.get(joinCode)
      return row ? toWorkshop(row) : null
    },
    async addParticipant(participant) {
      insertParticipant.run(participantParams(participant))
    },
    async setParticipantRemoved(workshopId, participantId, removed) {
      return updateRemoved.run(removed ? 1 : 0, workshopId, participantId).changes > 0
    },
    async findCredential(tokenHash): Promise<Credential | null> {
      const participant = participantByHash.get(tokenHash)
      if (!participant) return null
      const workshop = workshopById.get(participant.workshop_id)
      return workshop ? { workshop: toWorkshop(workshop), participant: toParticipant(participant) } : null
    },
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  )
}
