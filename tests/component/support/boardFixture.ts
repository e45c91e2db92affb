import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { roots } from '../../../shared/doc'
import { addCard, addPerspective, initWorkshop, putRosterEntry } from '../../../shared/ops'
import { sortOrdered } from '../../../shared/ordering'
import { readTheme } from '../../../shared/read'
import { bindDoc, resetStore, useLoupeStore, type Session } from '../../../client/store'

/** A workshop document built with the domain operations, as the server and two participants would leave it. */
export function buildWorkshop() {
  const doc = new Y.Doc()
  initWorkshop(
    doc,
    {
      title: 'Rencontre des centres sociaux',
      date: '2025-03-14',
      place: 'Maison des associations',
      organiser: 'Fédération',
      createdAt: 1,
    },
    'participation-partenariats',
  )
  putRosterEntry(doc, 'p-awa', {
    name: 'Awa Diallo',
    centre: 'CS La Passerelle',
    role: 'participant',
    joinedAt: 2,
  })
  putRosterEntry(doc, 'p-leo', {
    name: 'Léo Martin',
    centre: 'CS du Vieux Port',
    role: 'participant',
    joinedAt: 3,
  })
  const [first, second] = sortOrdered([...roots(doc).themes.entries()].map(([id, map]) => readTheme(id, map)))
  if (!first || !second) throw new Error('the template has two themes')
  const themeId = first.id
  const p1 = addPerspective(doc, { themeId, title: 'Aller vers les habitants' })
  const p2 = addPerspective(doc, { themeId, title: 'Former les équipes' })
  if (!p1 || !p2) throw new Error('perspectives not added')
  const card = (perspectiveId: string | null, text: string, author: string, example = false) => {
    const id = addCard(doc, { themeId, perspectiveId, text, author, example })
    if (!id) throw new Error('card not added')
    return id
  }
  const cards = {
    cafe: card(p1, 'Ouvrir un café des parents le samedi', 'p-awa'),
    porte: card(p1, 'Faire du porte-à-porte avec les habitants relais', 'p-leo'),
    marche: card(p1, 'Au marché, un stand a recueilli 60 idées', 'p-leo', true),
    formation: card(p2, 'Une formation commune à l’animation participative', 'p-awa'),
    idee: card(null, 'Un budget participatif par centre', 'p-awa'),
  }
  return { doc, themeId, otherThemeId: second.id, perspectives: { p1, p2 }, cards }
}

/** Binds the store to a document as the board screen expects it, for a participant (or the facilitator). */
export function openInStore(
  doc: Y.Doc,
  session: Partial<Session> = {},
  awareness: Awareness | null = null,
): () => void {
  resetStore()
  useLoupeStore.setState({
    session: {
      role: 'participant',
      participantId: 'p-awa',
      name: 'Awa Diallo',
      centre: 'CS La Passerelle',
      workshopId: 'w1',
      title: 'Rencontre des centres sociaux',
      joinCode: 'K7M3QX',
      token: 'token-awa',
      ...session,
    },
    connection: 'synced',
  })
  return bindDoc(doc, awareness)
}

/** A second replica of `doc`, kept in sync both ways like another participant's device. */
export function remoteReplica(doc: Y.Doc): Y.Doc {
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
  remote.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-local') Y.applyUpdate(doc, update, 'from-remote')
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-remote') Y.applyUpdate(remote, update, 'from-local')
  })
  return remote
}
