// @vitest-environment node
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { addPerspective } from '../../shared/ops'
import { MESSAGE_REPLY } from '../../shared/commands'
import type { SessionInfo } from '../../client/api/workshops'
import {
  addDot,
  currentDoc,
  myBallot,
  openWorkshop,
  removeDot,
  sendCommand,
  useLoupeStore,
} from '../../client/store'
import { CommandFailure, openCommandChannel } from '../../client/sync/commands'
import { createWorkshop, joinWorkshop } from '../helpers/api'
import { connectClient } from '../helpers/clients'
import { commander, expectOk } from '../helpers/commands'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** The commands channel against a real server (real sockets, referee, SQLite), and its failure paths. */
beforeAll(() => {
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
})

let server: TestServer | null = null
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  await server?.cleanup()
  server = null
  vi.useRealTimers()
})

async function sessionFor(url: string, workshopId: string, token: string): Promise<SessionInfo> {
  const response = await fetch(`${url}/api/workshops/${workshopId}/session`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  return (await response.json()) as SessionInfo
}

describe('commands from the web app to a real server', { timeout: 20_000 }, () => {
  it('places and takes back dots, receives its own ballot, hears refusals, and learns the server clock', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'Atelier du jeudi', organiser: 'Fédération' })
    const joined = await joinWorkshop(server.url, workshop, { name: 'Awa', centre: 'CS La Passerelle' })
    cleanups.push(
      openWorkshop(
        { ...(await sessionFor(server.url, workshop.id, joined.token)), token: joined.token },
        { persist: false, origin: server.url },
      ),
    )
    await waitFor(() => expect(useLoupeStore.getState().connection).toBe('synced'))

    // The facilitator, on another device, adds a perspective and opens the vote (2 dots, 1 per item).
    const facilitator = connectClient(server.url, workshop.id, workshop.facilitatorKey)
    cleanups.push(() => facilitator.destroy())
    await facilitator.whenSynced
    const themeId = [...facilitator.doc.getMap('themes').keys()][0]!
    const perspectiveId = addPerspective(facilitator.doc, { themeId, title: 'Aller vers les habitants' })!
    const steer = commander(facilitator)
    await expectOk(steer, {
      type: 'round.open',
      settings: {
        budget: 2,
        maxPerItem: 1,
        targets: 'perspectives',
        scope: { kind: 'workshop' },
        anonymous: true,
      },
    })
    await expectOk(steer, { type: 'phase.set', phase: 'vote' })
    await waitFor(() => expect(useLoupeStore.getState().perspectivesById[perspectiveId]).toBeDefined())

    expect(await addDot(perspectiveId)).toBe(true)
    await waitFor(() => expect(myBallot(useLoupeStore.getState())).toEqual({ [perspectiveId]: 1 }))
    await waitFor(() => expect(useLoupeStore.getState().control.round?.voters).toBe(1))

    // One dot per item: the server refuses the second, and this person is told why.
    expect(await addDot(perspectiveId)).toBe(false)
    expect(useLoupeStore.getState().notice).toBe('command.error.per_item')
    expect(await removeDot(perspectiveId)).toBe(true)
    await waitFor(() => expect(myBallot(useLoupeStore.getState())).toEqual({}))

    // A participant may not steer: the server says so.
    expect(await sendCommand({ type: 'phase.set', phase: 'resultats' })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    // Same machine, same clock: the estimated offset is within the round trip.
    expect(Math.abs(useLoupeStore.getState().clockOffset)).toBeLessThan(250)
    expect(currentDoc()).not.toBeNull()
  })
})

describe('the commands channel on its own', () => {
  /** Just enough of a y-websocket provider: an open socket that records frames, and status events. */
  function fakeProvider() {
    const listeners = new Set<(event: { status: string }) => void>()
    const frames: Uint8Array[] = []
    const provider = {
      wsconnected: true,
      ws: { OPEN: 1, readyState: 1, send: (frame: Uint8Array) => frames.push(frame) },
      messageHandlers: [] as Array<(encoder: encoding.Encoder, decoder: decoding.Decoder) => void>,
      on: (_: string, listener: (event: { status: string }) => void) => listeners.add(listener),
      off: (_: string, listener: (event: { status: string }) => void) => listeners.delete(listener),
      emit: (status: string) => listeners.forEach((listener) => listener({ status })),
    }
    return { provider, frames }
  }

  it('gives up after the timeout with a clear error, and rejects what waits when the connection drops', async () => {
    vi.useFakeTimers()
    const { provider } = fakeProvider()
    const channel = openCommandChannel(provider as never, { timeoutMs: 5000 })
    const late = channel.send({ type: 'timer.stop' })
    const assertion = expect(late).rejects.toThrow('timer.stop: no answer from the server within 5 s')
    await vi.advanceTimersByTimeAsync(5000)
    await assertion
    await expect(late).rejects.toBeInstanceOf(CommandFailure)

    const cut = channel.send({ type: 'round.close' })
    provider.emit('disconnected')
    await expect(cut).rejects.toMatchObject({ reason: 'disconnected' })
    provider.wsconnected = false
    await expect(channel.send({ type: 'round.close' })).rejects.toMatchObject({ reason: 'offline' })
    channel.destroy()
  })

  it('matches replies by id and ignores what it cannot read', async () => {
    const { provider, frames } = fakeProvider()
    const channel = openCommandChannel(provider as never)
    const first = channel.send({ type: 'round.close' })
    const second = channel.send({ type: 'round.reveal' })
    // A clock ping went out on its own first (the socket was open), then the two commands.
    const sent = frames.map((frame) => {
      const decoder = decoding.createDecoder(frame)
      expect(decoding.readVarUint(decoder)).toBe(100)
      return JSON.parse(decoding.readVarString(decoder)) as { id: number; command: { type: string } }
    })
    expect(sent.map((envelope) => envelope.command.type)).toEqual([
      'clock.ping',
      'round.close',
      'round.reveal',
    ])
    const reply = (text: string) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarString(encoder, text)
      provider.messageHandlers[MESSAGE_REPLY]!(
        encoding.createEncoder(),
        decoding.createDecoder(encoding.toUint8Array(encoder)),
      )
    }
    reply('not json')
    reply(JSON.stringify({ kind: 'result', id: sent[2]!.id, ok: false, error: 'no_round' }))
    reply(JSON.stringify({ kind: 'result', id: sent[1]!.id, ok: true }))
    await expect(second).resolves.toEqual({ ok: false, error: 'no_round' })
    await expect(first).resolves.toEqual({ ok: true, data: undefined })
    channel.destroy()
  })
})
