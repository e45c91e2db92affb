import { rm } from 'node:fs/promises'
import { afterAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { createWorkshop } from '../helpers/api'
import { joinAndConnect, type TestClient } from '../helpers/clients'
import { between, seededRandom } from '../helpers/random'
import { warmRestarts } from '../helpers/restarts'
import { freePort, integrityCheck, makeDataDir, readStoredDoc, type ServerProcess } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/**
 * The server process is killed (SIGKILL) again and again while three people type, then restarted on the same port
 * and data. LOUPE_SOAK=1 runs ten times as many kills.
 */

const SOAK = process.env.LOUPE_SOAK === '1'
const KILLS = SOAK ? 200 : 20
const SEED = 20250316
/** Past this, a typist starts a new card: a card's text has a limit. */
const CARD_FILL = 600

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** Every root of the schema, as plain JSON. */
function content(doc: Y.Doc): unknown {
  roots(doc)
  return doc.toJSON()
}

const cardText = (doc: Y.Doc, id: string) =>
  resolveText(doc, { kind: 'card', id, field: 'text' })?.toString() ?? ''

/**
 * Someone typing into a card of their own every `everyMs` (a fast typist: well within the message limits), and now
 * and then into a card everyone shares; online or not, as people do.
 */
function typist(
  person: TestClient & { participantId: string },
  themeId: string,
  shared: TextRef,
  everyMs: number,
) {
  const own: string[] = []
  let typed = 0
  let tick = 0
  const timer = setInterval(() => {
    let current = own[own.length - 1]
    if (current === undefined || cardText(person.doc, current).length >= CARD_FILL) {
      current = addCard(person.doc, { themeId, perspectiveId: null, text: '', author: person.participantId })!
      own.push(current)
    }
    const ref: TextRef = { kind: 'card', id: current, field: 'text' }
    if (spliceText(person.doc, ref, cardText(person.doc, current).length, 0, 'x')) typed++
    if (++tick % 6 === 0) spliceText(person.doc, shared, 0, 0, '.')
  }, everyMs)
  return {
    own,
    stop() {
      clearInterval(timer)
      return typed
    },
  }
}

/** What `person` received from everyone else: (client id, clock) pairs of its state vector. */
function receivedFromOthers(person: TestClient): Array<[number, number]> {
  const vector = Y.decodeStateVector(Y.encodeStateVector(person.doc))
  return [...vector.entries()].filter(([client]) => client !== person.doc.clientID)
}

it(
  `loses nothing relayed across ${KILLS} kills, and everyone converges with what they typed offline`,
  { timeout: SOAK ? 900_000 : 60_000 },
  async () => {
    const random = seededRandom(SEED)
    const dataDir = await makeDataDir()
    const port = await freePort()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const restarts = warmRestarts({ dataDir, port })
    cleanups.push(() => restarts.close())
    let server: ServerProcess = await restarts.start()
    cleanups.push(() => server.kill('SIGKILL'))

    const workshop = await createWorkshop(server.url)
    const people = await Promise.all(
      ['Mona', 'Nadir', 'Odile'].map((name) =>
        joinAndConnect(server.url, workshop, { name, centre: 'CS Rivière' }),
      ),
    )
    cleanups.push(() => people.forEach((person) => person.destroy()))
    const themeId = readBoard(people[0]!.doc).themes[0]!.id
    const sharedId = addCard(people[0]!.doc, { themeId, perspectiveId: null, text: '', author: 'Mona' })!
    const shared: TextRef = { kind: 'card', id: sharedId, field: 'text' }
    await waitFor(() => people.every((person) => resolveText(person.doc, shared) !== null))
    const typists = people.map((person, i) => typist(person, themeId, shared, 30 + 5 * i))

    for (let kill = 0; kill < KILLS; kill++) {
      await waitFor(() => people.every((person) => person.provider.wsconnected && person.provider.synced), {
        timeout: 10_000,
      })
      await new Promise((resolve) => setTimeout(resolve, between(random, 100, 400)))
      await server.kill('SIGKILL')
      // Once every client has seen its socket close, nothing more from that process can reach them.
      await waitFor(() => people.every((person) => !person.provider.wsconnected))

      // Durable before relayed: whatever any client received is on disk.
      const stored = Y.decodeStateVector(Y.encodeStateVector(readStoredDoc(dataDir, workshop.id).doc))
      for (const person of people) {
        for (const [client, clock] of receivedFromOthers(person)) {
          expect(
            stored.get(client) ?? 0,
            `kill ${kill + 1}: updates of ${client} seen by a client`,
          ).toBeGreaterThanOrEqual(clock)
        }
      }
      // The last pause stays offline for a while: what people type meanwhile must arrive after the restart.
      if (kill === KILLS - 1) break
      server = await restarts.start()
    }

    await new Promise((resolve) => setTimeout(resolve, 150))
    const typed = typists.map((t) => t.stop())
    expect(integrityCheck(dataDir)).toEqual(['ok'])
    server = await restarts.start()

    const converged = await waitFor(
      () => {
        const [first, ...others] = people.map((person) => content(person.doc))
        for (const other of others) expect(other).toEqual(first)
        return people[0]!.doc
      },
      { timeout: 15_000 },
    )
    typists.forEach((t, i) => {
      const text = t.own.map((id) => cardText(converged, id)).join('')
      expect(text.length, `${people[i]!.participantId} typed ${typed[i]} letters`).toBe(typed[i])
    })
    // The limits leave people who type fast alone: no connection was closed for anything but the kills.
    expect(people.flatMap((person) => person.closeCodes).filter((code) => code >= 4000)).toEqual([])

    await server.kill('SIGTERM')
    expect(server.child.exitCode).toBe(0)
    expect(content(readStoredDoc(dataDir, workshop.id).doc)).toEqual(content(converged))
    expect(integrityCheck(dataDir)).toEqual(['ok'])
  },
)
