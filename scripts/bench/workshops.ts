import { roots } from '../../shared/doc'
import { addCard, initWorkshop, putRosterEntry } from '../../shared/ops'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol'
import { DEFAULT_TEMPLATE } from '../../shared/templates'
import { connect, inPool, until, type BenchClient } from './client'
import type { ServerName } from './options'

/** Sets up the workshops of a load process: Loupe's over its HTTP API, the reference's as bare room names. */

/** Participants whose connections are being set up at once. */
const SETUP_CONCURRENCY = 32

export interface Seat {
  /** Position in the workshop (0-based), which also picks the participant's keystroke characters. */
  index: number
  participantId: string
  client: BenchClient
  /** The card this participant added, moves and votes on. */
  ownCardId: string
}

export interface BenchWorkshop {
  name: string
  seats: Seat[]
  /** Loupe only: what opens the workshop as its facilitator. */
  facilitatorKey: string | null
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

interface Opened {
  room: string
  facilitatorKey: string | null
  /** Opens seat `index`: a credential (Loupe) or nothing (reference), then a synced connection. */
  seat(index: number): Promise<{ participantId: string; client: BenchClient }>
}

const person = (workshop: number, index: number) => ({
  name: `Personne ${index + 1}`,
  centre: `Centre ${workshop + 1}`,
})

async function openLoupe(httpUrl: string, wsUrl: string, number: number): Promise<Opened> {
  const created = await postJson<CreateWorkshopResponse>(`${httpUrl}/api/workshops`, {
    title: `Atelier de charge ${number + 1}`,
    place: 'Banc d’essai',
  })
  return {
    room: created.id,
    facilitatorKey: created.facilitatorKey,
    async seat(index) {
      const who = person(number, index)
      const joined = await postJson<JoinResponse>(`${httpUrl}/api/workshops/${created.id}/join`, {
        joinCode: created.joinCode,
        ...who,
      })
      const client = await connect(
        wsUrl,
        created.id,
        { token: joined.token },
        { id: joined.participantId, ...who },
      )
      return { participantId: joined.participantId, client }
    },
  }
}

async function openReference(wsUrl: string, number: number): Promise<Opened> {
  const room = `atelier-${number + 1}`
  return {
    room,
    facilitatorKey: null,
    async seat(index) {
      const who = person(number, index)
      const participantId = `p${number + 1}x${index + 1}`
      const client = await connect(wsUrl, room, {}, { id: participantId, ...who })
      // The reference has no server-side setup: its first participant writes what Loupe's server writes.
      if (index === 0) {
        initWorkshop(
          client.doc,
          {
            title: `Atelier de charge ${number + 1}`,
            date: '',
            place: 'Banc d’essai',
            organiser: '',
            createdAt: Date.now(),
          },
          DEFAULT_TEMPLATE,
        )
      }
      putRosterEntry(client.doc, participantId, { ...who, role: 'participant', joinedAt: Date.now() })
      return { participantId, client }
    },
  }
}

/**
 * Opens `count` workshops of `participants` each and connects everyone (paced), then has each participant add one
 * card; resolves once every participant sees every card of its workshop.
 */
export async function setUpWorkshops(
  server: ServerName,
  urls: { httpUrl: string; wsUrl: string },
  numbers: readonly number[],
  participants: number,
): Promise<BenchWorkshop[]> {
  const opened = await inPool(
    4,
    numbers.map(
      (n) => () =>
        server === 'loupe' ? openLoupe(urls.httpUrl, urls.wsUrl, n) : openReference(urls.wsUrl, n),
    ),
  )
  // First seats first: the reference's first participant writes the template the others build on.
  const firsts = await inPool(
    SETUP_CONCURRENCY,
    opened.map((w) => () => w.seat(0)),
  )
  const rest = await inPool(
    SETUP_CONCURRENCY,
    opened.flatMap((w) => Array.from({ length: participants - 1 }, (_, i) => () => w.seat(i + 1))),
  )
  const workshops: BenchWorkshop[] = opened.map((w, k) => {
    const seated = [firsts[k], ...rest.slice(k * (participants - 1), (k + 1) * (participants - 1))]
    return {
      name: w.room,
      facilitatorKey: w.facilitatorKey,
      seats: seated.map((s, index) => {
        if (!s) throw new Error('a participant did not connect')
        return { index, participantId: s.participantId, client: s.client, ownCardId: '' }
      }),
    }
  })
  const everyone = workshops.flatMap((w) => w.seats)
  await until(() => everyone.every((s) => roots(s.client.doc).themes.size > 0), 30_000, 'the template themes')
  for (const seat of everyone) {
    const themeIds = [...roots(seat.client.doc).themes.keys()].sort()
    const themeId = themeIds[seat.index % themeIds.length] ?? ''
    const id = addCard(seat.client.doc, {
      themeId,
      perspectiveId: null,
      text: '',
      author: seat.participantId,
    })
    if (!id) throw new Error('could not add a card')
    seat.ownCardId = id
  }
  await until(
    () =>
      workshops.every((w) =>
        w.seats.every((s) => w.seats.every((o) => roots(s.client.doc).cards.has(o.ownCardId))),
      ),
    60_000,
    'every card at every participant',
  )
  return workshops
}
