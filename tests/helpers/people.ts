import type * as Y from 'yjs'
import { readControl, roots } from '../../shared/doc'
import { addCard, addPerspective } from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { connectClient, joinAndConnect, type TestClient } from './clients'
import { commander, type Commander } from './commands'
import type { TestServer } from './server'
import { waitFor } from './waitFor'

/** The people of a workshop in the vote and facilitation tests: connected clients that can send commands. */

export interface Person extends TestClient {
  participantId: string
  token: string
  commands: Commander
}

/** The facilitator, connected with the facilitator key and synced. */
export async function facilitatorOf(t: TestServer, workshop: CreateWorkshopResponse): Promise<Person> {
  const client = connectClient(t.url, workshop.id, workshop.facilitatorKey)
  await client.whenSynced
  return {
    ...client,
    participantId: 'facilitator-1',
    token: workshop.facilitatorKey,
    commands: commander(client),
  }
}

/** Someone who joined over HTTP and connected, synced. */
export async function participantOf(
  t: TestServer,
  workshop: CreateWorkshopResponse,
  name: string,
): Promise<Person> {
  const client = await joinAndConnect(t.url, workshop, { name, centre: `Centre social ${name}` })
  return { ...client, commands: commander(client) }
}

/** The server's own copy of a workshop's document. */
export function serverDoc(t: TestServer, workshopId: string): Y.Doc {
  const room = t.server.rooms.get(workshopId)
  if (!room) throw new Error('room not loaded')
  return room.doc
}

export interface Board {
  themeIds: string[]
  /** Perspectives of the first theme, then of the second. */
  perspectives: string[]
  /** Cards in the first theme's first perspective. */
  cards: string[]
}

/** The facilitator writes perspectives and cards on the first two boards; resolves once the server has them. */
export async function furnish(
  t: TestServer,
  workshopId: string,
  author: Person,
  perTheme = 2,
  cards = 2,
): Promise<Board> {
  const themeIds = readBoard(author.doc).themes.map((theme) => theme.id)
  const perspectives: string[] = []
  for (const themeId of themeIds.slice(0, 2)) {
    for (let i = 0; i < perTheme; i++)
      perspectives.push(addPerspective(author.doc, { themeId, title: `Perspective ${i + 1}` })!)
  }
  const cardIds: string[] = []
  for (let i = 0; i < cards; i++) {
    const place = {
      themeId: themeIds[0]!,
      perspectiveId: perspectives[0]!,
      text: `Carte ${i + 1}`,
      author: author.participantId,
    }
    cardIds.push(addCard(author.doc, place)!)
  }
  await waitFor(() =>
    [...perspectives, ...cardIds].every(
      (id) =>
        roots(serverDoc(t, workshopId)).perspectives.has(id) || roots(serverDoc(t, workshopId)).cards.has(id),
    ),
  )
  return { themeIds, perspectives, cards: cardIds }
}

/** Waits until every client's control state satisfies `check`. */
export async function everyoneSees(
  clients: readonly TestClient[],
  check: (control: ReturnType<typeof readControl>) => boolean,
) {
  await waitFor(() => clients.every((client) => check(readControl(client.doc))), { timeout: 8000 })
}
