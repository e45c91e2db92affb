import { rm } from 'node:fs/promises'
import { afterAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { CLOSE } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop } from '../helpers/api'
import { joinAndConnect, type TestClient } from '../helpers/clients'
import {
  freePort,
  makeDataDir,
  readStoredDoc,
  spawnServerProcess,
  type ServerProcess,
} from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

const textIn = (doc: Y.Doc, ref: TextRef) => resolveText(doc, ref)?.toString() ?? ''
const count = (text: string, letter: string) => text.split(letter).length - 1

/** Types `letter` into the card every few milliseconds until stopped; returns how many were typed. */
function keepTyping(client: TestClient, ref: TextRef, letter: string, atStart: boolean, everyMs: number) {
  let typed = 0
  const timer = setInterval(() => {
    const at = atStart ? 0 : textIn(client.doc, ref).length
    if (spliceText(client.doc, ref, at, 0, letter)) typed++
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return typed
    },
  }
}

/** What `observer` received from everyone else, as (client id, clock) pairs. */
function receivedFromOthers(observer: TestClient): Array<[number, number]> {
  const vector = Y.decodeStateVector(Y.encodeStateVector(observer.doc))
  return [...vector.entries()].filter(([client]) => client !== observer.doc.clientID)
}

it('after a crash, everything a client had received is still there, and offline edits merge in', async () => {
  const dataDir = await makeDataDir()
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  const port = await freePort()
  let server: ServerProcess = await spawnServerProcess({ dataDir, port })
  cleanups.push(() => server.kill('SIGKILL'))
  expect(server.stdout()).toContain(`Loupe: http://localhost:${port} (data in ${dataDir})`)

  const workshop = await createWorkshop(server.url)
  const [a, b, observer] = await Promise.all(
    ['Mona', 'Nadir', 'Odile'].map((name) =>
      joinAndConnect(server.url, workshop, { name, centre: 'CS Rivière' }),
    ),
  )
  if (!a || !b || !observer) throw new Error('three people expected')
  const people = [a, b, observer]
  cleanups.push(() => people.forEach((p) => p.destroy()))
  const [mona, nadir, odile] = [a, b, observer]

  const themeId = readBoard(mona.doc).themes[0]!.id
  const id = addCard(mona.doc, { themeId, perspectiveId: null, text: '', author: 'mona' })!
  const ref: TextRef = { kind: 'card', id, field: 'text' }
  await waitFor(() => people.every((p) => resolveText(p.doc, ref) !== null))

  // Both type into the same card while the server is killed mid-stream.
  const monaTyping = keepTyping(mona, ref, 'm', false, 2)
  const nadirTyping = keepTyping(nadir, ref, 'n', true, 3)
  await waitFor(() => count(textIn(odile.doc, ref), 'm') >= 40 && count(textIn(odile.doc, ref), 'n') >= 25)
  await server.kill('SIGKILL')
  await waitFor(() => people.every((p) => !p.provider.wsconnected))

  // Durable before relayed: whatever reached any client is on disk.
  const stored = readStoredDoc(dataDir, workshop.id)
  const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored.doc))
  for (const person of people) {
    for (const [client, clock] of receivedFromOthers(person)) {
      expect(
        storedVector.get(client) ?? 0,
        `updates of client ${client} seen by a participant`,
      ).toBeGreaterThanOrEqual(clock)
    }
  }
  expect(count(textIn(stored.doc, ref), 'm')).toBeGreaterThanOrEqual(count(textIn(odile.doc, ref), 'm'))

  // They keep typing while the server is down.
  await new Promise((resolve) => setTimeout(resolve, 40))
  const monaTotal = monaTyping.stop()
  const nadirTotal = nadirTyping.stop()
  spliceText(odile.doc, ref, 0, 0, 'O')

  server = await spawnServerProcess({ dataDir, port })
  // The providers reconnect on their own and send what the server is missing.
  const final = await waitFor(
    () => {
      const texts = people.map((p) => textIn(p.doc, ref))
      expect(new Set(texts).size).toBe(1)
      return texts[0]!
    },
    { timeout: 10_000 },
  )
  expect(count(final, 'm')).toBe(monaTotal)
  expect(count(final, 'n')).toBe(nadirTotal)
  expect(count(final, 'O')).toBe(1)
  expect(people.flatMap((p) => p.closeCodes).filter((code) => code >= 4000)).toEqual([])

  // A graceful stop tells clients the server is going away and stores everything.
  await server.kill('SIGTERM')
  expect(server.child.exitCode).toBe(0)
  await waitFor(() => expect(mona.closeCodes).toContain(CLOSE.shuttingDown))
  expect(textIn(readStoredDoc(dataDir, workshop.id).doc, ref)).toBe(final)
})
