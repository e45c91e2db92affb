import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE } from '../../shared/protocol'

/** Hand-made presence and update frames, for tests of what a hostile client could send. */

export interface PresenceEntry {
  clientId: number
  clock: number
  /** JSON text of the state ('null' removes it); not checked, so that broken entries can be written too. */
  state: string
}

/** An awareness message (type 1) carrying these entries, exactly as y-protocols encodes them. */
export function presenceFrame(entries: readonly PresenceEntry[]): Uint8Array {
  const body = encoding.createEncoder()
  encoding.writeVarUint(body, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(body, clientId)
    encoding.writeVarUint(body, clock)
    encoding.writeVarString(body, state)
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, MESSAGE.awareness)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(body))
  return encoding.toUint8Array(frame)
}

/**
 * A Yjs update that hangs on history the server never saw: text typed into a card whose creation is withheld.
 * Yjs keeps such updates aside (pending) until the history arrives.
 */
export function danglingUpdate(themeId: string, textLength: number): Uint8Array {
  const origin = new Y.Doc()
  const card = new Y.Map<unknown>()
  origin.getMap('cards').set(Math.random().toString(36).slice(2, 14).padEnd(12, '0'), card)
  card.set('text', new Y.Text(''))
  card.set('place', { themeId, perspectiveId: null, key: 'a0' })
  const typist = new Y.Doc()
  Y.applyUpdate(typist, Y.encodeStateAsUpdate(origin))
  const before = Y.encodeStateVector(typist)
  const text = [...typist.getMap<Y.Map<unknown>>('cards').values()][0]!.get('text') as Y.Text
  text.insert(0, 'x'.repeat(textLength))
  return Y.encodeStateAsUpdate(typist, before)
}
