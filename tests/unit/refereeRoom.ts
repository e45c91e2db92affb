import * as Y from 'yjs'
import { expect } from 'vitest'
import { checkUpdate } from '../../server/referee/checkUpdate'
import { roots } from '../../shared/doc'
import { addCard, initWorkshop, resolveText, type TextRef } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import type { Role } from '../../shared/schema'

/** Set-up for the referee's tests: a server document, a client synced from it, and updates as clients send them. */

/** The server's copy of a workshop and one client's copy, kept in step the way y-websocket keeps them. */
export interface Room {
  server: Y.Doc
  client: Y.Doc
  themeA: string
  themeB: string
}

const MEETING = {
  title: 'Rencontre des centres sociaux',
  date: '2025-03-14',
  place: 'Lyon',
  organiser: 'Fédération',
  createdAt: 1,
}

/** A workshop from the two-theme template, on the server and on one client. */
export function newRoom(): Room {
  const server = new Y.Doc()
  initWorkshop(server, MEETING, 'participation-partenariats')
  const [themeA = '', themeB = ''] = readBoard(server).themes.map((t) => t.id)
  return { server, client: copyOf(server), themeA, themeB }
}

/** A client's document right after its first sync with the server. */
export function copyOf(server: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return doc
}

/** Runs `write` on the client and returns what the server lacks, as the client's sync step 2 sends it. */
export function change(room: Room, write: (doc: Y.Doc) => unknown): Uint8Array {
  write(room.client)
  return Y.encodeStateAsUpdate(room.client, Y.encodeStateVector(room.server))
}

/** The referee's verdict on a client change, as the server would receive it. */
export function judge(room: Room, write: (doc: Y.Doc) => unknown, role: Role = 'participant') {
  return checkUpdate(room.server, change(room, write), role)
}

/** Checks an update and, accepted, applies it to the server as the server does. */
export function accept(room: Room, update: Uint8Array, role: Role = 'participant'): void {
  expect(checkUpdate(room.server, update, role)).toEqual({ ok: true })
  Y.applyUpdate(room.server, update)
}

/** A client change the referee must accept; returns what the operation returned. */
export function write<T>(room: Room, op: (doc: Y.Doc) => T, role: Role = 'participant'): T {
  let result: T | undefined
  accept(
    room,
    change(room, (doc) => (result = op(doc))),
    role,
  )
  return result as T
}

/** A change the server makes itself (phase, lock), relayed to the client. */
export function serverDoes(room: Room, op: (doc: Y.Doc) => unknown): void {
  op(room.server)
  Y.applyUpdate(room.client, Y.encodeStateAsUpdate(room.server, Y.encodeStateVector(room.client)))
}

/** Another client of the same server, for the next attempt after a refused one left the first client astray. */
export const nextClient = (room: Room): Room => ({ ...room, client: copyOf(room.server) })

/** A card the participant adds, accepted and applied. */
export function cardIn(room: Room, themeId: string, text = 'Un café des parents le samedi'): string {
  return write(room, (doc) => addCard(doc, { themeId, perspectiveId: null, text, author: 'p-lucie' }) ?? '')
}

/** Inserts without the clipping spliceText applies: what a modified client could send. */
export function rawInsert(doc: Y.Doc, ref: TextRef, index: number, value: string): void {
  const text = resolveText(doc, ref)
  if (!text) throw new Error('no such text')
  text.insert(index, value)
}

/** A card map with every field, as addCard writes it. */
export function fullCard(themeId: string, text = 'Idée'): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('text', new Y.Text(text))
  map.set('place', { themeId, perspectiveId: null, key: 'a0' })
  map.set('example', false)
  map.set('author', 'p-lucie')
  map.set('createdAt', 1)
  return map
}

export const cardText = (id: string): TextRef => ({ kind: 'card', id, field: 'text' })
export const rawCard = (doc: Y.Doc, id: string) => roots(doc).cards.get(id) ?? new Y.Map<unknown>()
export const refused = (reason: string) => ({ ok: false, reason })

/** The updates a client emits, one per transaction, as y-websocket relays them live. */
export function emitted(doc: Y.Doc, ops: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  ops()
  doc.off('update', collect)
  return updates
}

/** The server, having applied every accepted update, holds exactly what the client holds. */
export function expectSameBoard(room: Room): void {
  expect(readBoard(room.server)).toEqual(readBoard(room.client))
  expect(Y.encodeStateVector(room.server)).toEqual(Y.encodeStateVector(room.client))
}
