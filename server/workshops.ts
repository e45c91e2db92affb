import * as Y from 'yjs'
import { newId } from '../shared/ids'
import { initWorkshop, putRosterEntry, refreshEligible } from '../shared/ops'
import type { AddFacilitatorResponse, CreateWorkshopResponse, JoinResponse } from '../shared/protocol'
import type { TemplateId } from '../shared/templates'
import { freeJoinCode, hashCredential, newCredential } from './auth'
import type { DocStore, ParticipantRow, WorkshopRegistry, WorkshopRow } from './persistence/types'
import type { RoomManager } from './rooms/RoomManager'

/** Workshop lifecycle as the HTTP routes use it; inputs arrive validated. */

export interface WorkshopServices {
  registry: WorkshopRegistry
  docs: DocStore
  rooms: RoomManager
}

export interface NewWorkshop {
  title: string
  template: TemplateId
  date: string
  place: string
  organiser: string
}

/** The facilitator's identity in the roster and on their cards. */
export const FACILITATOR_ID = 'facilitator-1'
const FACILITATOR_DEFAULT_NAME = 'Animation'

/** Creates the workshop's document (template themes, facilitator in the roster), then registers it. */
export async function createWorkshop(
  services: WorkshopServices,
  input: NewWorkshop,
): Promise<CreateWorkshopResponse> {
  const id = newId()
  const createdAt = Date.now()
  const facilitatorKey = newCredential()
  const facilitator: ParticipantRow = {
    id: FACILITATOR_ID,
    workshopId: id,
    name: input.organiser || FACILITATOR_DEFAULT_NAME,
    centre: '',
    tokenHash: hashCredential(facilitatorKey),
    role: 'facilitator',
    removed: false,
    joinedAt: createdAt,
  }

  const doc = services.rooms.newDoc()
  initWorkshop(
    doc,
    { title: input.title, date: input.date, place: input.place, organiser: input.organiser, createdAt },
    input.template,
  )
  putRosterEntry(doc, facilitator.id, {
    name: facilitator.name,
    centre: '',
    role: 'facilitator',
    joinedAt: createdAt,
  })
  // The document is stored before the workshop exists for anyone, so no one can open it half made.
  await services.docs.append(id, [Y.encodeStateAsUpdate(doc)])
  doc.destroy()

  for (let attempt = 0; attempt < 5; attempt++) {
    const row: WorkshopRow = {
      id,
      joinCode: await freeJoinCode(services.registry),
      title: input.title,
      createdAt,
      facilitatorKeyHash: facilitator.tokenHash,
    }
    if (await services.registry.createWorkshop(row, facilitator)) {
      return {
        id,
        joinCode: row.joinCode,
        facilitatorKey,
        participantPath: `/rejoindre/${row.joinCode}`,
        facilitatorPath: `/atelier/${id}/animer#cle=${facilitatorKey}`,
      }
    }
  }
  throw new Error('could not allocate a join code')
}

/** Registers a participant and adds them to the roster everyone sees; returns their credential. */
export async function joinWorkshop(
  services: WorkshopServices,
  workshop: WorkshopRow,
  person: { name: string; centre: string },
): Promise<JoinResponse> {
  const token = newCredential()
  const participant: ParticipantRow = {
    id: newId(),
    workshopId: workshop.id,
    name: person.name,
    centre: person.centre,
    tokenHash: hashCredential(token),
    role: 'participant',
    removed: false,
    joinedAt: Date.now(),
  }
  await services.registry.addParticipant(participant)
  await services.rooms.change(workshop.id, (doc) => {
    putRosterEntry(doc, participant.id, {
      name: participant.name,
      centre: participant.centre,
      role: participant.role,
      joinedAt: participant.joinedAt,
    })
    // A newcomer can vote in the open round: "9 / 16 participants ont voté".
    refreshEligible(doc)
  })
  return { token, participantId: participant.id, workshopId: workshop.id }
}

/** Issues a co-facilitator key: another facilitator identity, in the roster, with its own credential. */
export async function addFacilitator(
  services: WorkshopServices,
  workshop: WorkshopRow,
  name: string,
): Promise<AddFacilitatorResponse> {
  const facilitatorKey = newCredential()
  const facilitator: ParticipantRow = {
    id: `facilitator-${newId()}`,
    workshopId: workshop.id,
    name: name || FACILITATOR_DEFAULT_NAME,
    centre: '',
    tokenHash: hashCredential(facilitatorKey),
    role: 'facilitator',
    removed: false,
    joinedAt: Date.now(),
  }
  await services.registry.addParticipant(facilitator)
  await services.rooms.change(workshop.id, (doc) =>
    putRosterEntry(doc, facilitator.id, {
      name: facilitator.name,
      centre: '',
      role: 'facilitator',
      joinedAt: facilitator.joinedAt,
    }),
  )
  return { facilitatorKey, facilitatorPath: `/atelier/${workshop.id}/animer#cle=${facilitatorKey}` }
}
