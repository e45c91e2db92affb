import { rm } from 'node:fs/promises'
import { afterAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { CLOSE } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { createWorkshop, request } from '../helpers/api'
import { joinAndConnect } from '../helpers/clients'
import {
  freePort,
  makeDataDir,
  readStoredDoc,
  spawnNode,
  spawnServerProcess,
  type ServerProcess,
} from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

const textOf = (doc: Y.Doc, ref: TextRef) => resolveText(doc, ref)?.toString() ?? ''

it('SIGTERM stores everything, closes clients with 1001, and the edits of the last moment are there after restart', async () => {
  const dataDir = await makeDataDir()
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  const port = await freePort()
  // A limit set in the environment, as an operator behind a proxy would.
  const env = { LOUPE_CONNECTIONS_PER_ADDRESS: '400' }
  let server: ServerProcess = await spawnServerProcess({ dataDir, port, env })
  cleanups.push(() => server.kill('SIGKILL'))
  const metrics = await request<string>(server.url, '/metrics')
  expect(metrics.body).toContain('loupe_limit{name="connectionsPerAddress"} 400')
  expect(metrics.body).toContain('loupe_limit{name="messagesPerSecond"} 50')

  const workshop = await createWorkshop(server.url)
  const people = await Promise.all(
    ['Paule', 'Quentin'].map((name) => joinAndConnect(server.url, workshop, { name, centre: 'CS Colline' })),
  )
  cleanups.push(() => people.forEach((person) => person.destroy()))
  const [paule, quentin] = people as [(typeof people)[0], (typeof people)[0]]
  const themeId = readBoard(paule.doc).themes[0]!.id
  const refs = people.map((person): TextRef => {
    const id = addCard(person.doc, { themeId, perspectiveId: null, text: '', author: person.participantId })!
    return { kind: 'card', id, field: 'text' }
  })
  await waitFor(() => people.every((person) => refs.every((ref) => resolveText(person.doc, ref) !== null)))

  // Both type without pause; the signal arrives in the middle, with updates on the wire.
  const typed = [0, 0]
  const timers = people.map((person, i) =>
    setInterval(() => {
      if (spliceText(person.doc, refs[i]!, textOf(person.doc, refs[i]!).length, 0, 'y')) typed[i]!++
    }, 25),
  )
  await waitFor(() => textOf(quentin.doc, refs[0]!).length >= 20)
  spliceText(paule.doc, refs[0]!, 0, 0, 'Dernier mot : ')
  await server.kill('SIGTERM')
  expect(server.child.exitCode).toBe(0)
  await waitFor(() => people.every((person) => !person.provider.wsconnected))

  // Told the server is going away (never that their workshop is broken), and everything relayed is on disk.
  for (const person of people) {
    expect(person.closeCodes).toContain(CLOSE.shuttingDown)
    expect(person.closeCodes.filter((code) => code !== CLOSE.shuttingDown && code !== 1006)).toEqual([])
  }
  const stored = readStoredDoc(dataDir, workshop.id)
  // The workshop unloaded on the way out: its updates were merged into one snapshot.
  expect(stored.rows).toBe(1)
  const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored.doc))
  for (const person of people) {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(person.doc))) {
      if (client !== person.doc.clientID) expect(storedVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock)
    }
  }

  timers.forEach((timer) => clearInterval(timer))
  server = await spawnServerProcess({ dataDir, port, env })
  await waitFor(
    () => {
      for (const ref of refs) expect(textOf(paule.doc, ref)).toBe(textOf(quentin.doc, ref))
      refs.forEach((ref, i) => expect(textOf(paule.doc, ref).split('y').length - 1).toBe(typed[i]))
    },
    { timeout: 10_000 },
  )
  expect(textOf(quentin.doc, refs[0]!)).toMatch(/^Dernier mot : /)
})

it('refuses to start on a limit that is not a positive whole number, naming the variable', async () => {
  const dataDir = await makeDataDir()
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  const child = spawnNode('server/index.ts', {
    dataDir,
    port: await freePort(),
    env: { LOUPE_MESSAGES_PER_SECOND: 'beaucoup' },
    stderr: 'pipe',
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(1)
  expect(stderr).toContain('LOUPE_MESSAGES_PER_SECOND must be a positive whole number, not "beaucoup"')
})
