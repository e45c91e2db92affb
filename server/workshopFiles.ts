import * as Y from 'yjs'
import { buildWorkshopExport, importWorkshopJson, type WorkshopExport } from '../shared/export'
import { newId } from '../shared/ids'
import type { CreateWorkshopResponse } from '../shared/protocol'
import { freeJoinCode, hashCredential, newCredential } from './auth'
import type { DocStore, ParticipantRow, WorkshopRegistry } from './persistence/types'
import type { RoomManager } from './rooms/RoomManager'
import { FACILITATOR_ID } from './workshops'

/** A workshop's export read from the server's live state, and an exported workshop brought back as a new one. */

/**
 * The workshop as its room holds it now. The read runs as a server change that writes nothing: it waits in the
 * room's queue behind every update already received, loads the room if nobody has it open, and releases it after.
 */
export async function exportLiveWorkshop(
  rooms: RoomManager,
  workshopId: string,
  now = new Date(),
): Promise<WorkshopExport> {
  let exported: WorkshopExport | null = null
  await rooms.change(workshopId, (doc) => {
    exported = buildWorkshopExport(doc, now)
  })
  if (!exported) throw new Error(`workshop ${workshopId} was not read`)
  return exported
}

/** The workshop as stored, without a room: for the command line, which reads the database next to the server. */
export async function exportStoredWorkshop(
  docs: DocStore,
  workshopId: string,
  now = new Date(),
): Promise<WorkshopExport> {
  const stored = await docs.load(workshopId)
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    return buildWorkshopExport(doc, now)
  } finally {
    doc.destroy()
  }
}

export type ImportOutcome =
  | { ok: true; created: CreateWorkshopResponse & { notes: string[] } }
  | { ok: false; error: string; path: string }

/**
 * Creates a new workshop from an exported one (JSON, format version 1): new id, join code and facilitator key;
 * the file's first facilitator becomes the holder of that key. Nothing is stored when the file is invalid.
 */
export async function importWorkshop(
  storage: { registry: WorkshopRegistry; docs: DocStore },
  json: unknown,
): Promise<ImportOutcome> {
  const imported = importWorkshopJson(json, { facilitatorId: FACILITATOR_ID })
  if (!imported.ok) return imported
  const { update, title, createdAt, facilitator: steering, notes } = imported.value
  const id = newId()
  const facilitatorKey = newCredential()
  const facilitator: ParticipantRow = {
    id: steering.id,
    workshopId: id,
    name: steering.name,
    centre: '',
    tokenHash: hashCredential(facilitatorKey),
    role: 'facilitator',
    removed: false,
    joinedAt: steering.joinedAt,
  }
  // As for a new workshop: the document is stored before anyone can find the workshop.
  await storage.docs.append(id, [update])
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = await freeJoinCode(storage.registry)
    const row = { id, joinCode, title, createdAt, facilitatorKeyHash: facilitator.tokenHash }
    if (await storage.registry.createWorkshop(row, facilitator)) {
      const created = {
        id,
        joinCode,
        facilitatorKey,
        participantPath: `/rejoindre/${joinCode}`,
        facilitatorPath: `/atelier/${id}/animer#cle=${facilitatorKey}`,
      }
      return { ok: true, created: { ...created, notes } }
    }
  }
  throw new Error('could not allocate a join code')
}
