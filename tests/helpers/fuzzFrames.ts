import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { roots } from '../../shared/doc'
import { addCard, moveCard, spliceText } from '../../shared/ops'
import { MAX_MESSAGE_BYTES, MESSAGE } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { syncStep1Message, updateMessage } from './clients'
import { commandFrame, textFrame } from './commands'
import { presenceFrame } from './frames'

/** fast-check arbitraries for everything a hostile websocket or HTTP client could send to Loupe. */

export type Frame = Uint8Array | string

type EditInput = { kind: string; pick: number; text: string; length: number }

/** A random edit of a copy of the workshop, as a Yjs update: allowed, refused or nonsense, the referee decides. */
const editArb = fc.record({
  kind: fc.constantFrom('card', 'text', 'move', 'serverRoot', 'foreignRoot', 'themeName', 'wrongType'),
  pick: fc.nat(),
  text: fc.string({ maxLength: 60, unit: 'grapheme' }),
  length: fc.constantFrom(1, 10, 1200),
})

function editUpdate(base: Uint8Array, edit: EditInput): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  const before = Y.encodeStateVector(doc)
  const board = readBoard(doc)
  const theme = board.themes[edit.pick % Math.max(1, board.themes.length)]
  const card = board.cards[edit.pick % Math.max(1, board.cards.length)]
  const r = roots(doc)
  const text = edit.length === 1200 ? edit.text.padEnd(1200, '!') : edit.text
  switch (edit.kind) {
    case 'card':
      addCard(doc, { themeId: theme?.id ?? 'nulle-part', perspectiveId: null, text, author: 'fuzz' })
      break
    case 'text':
      if (card) spliceText(doc, { kind: 'card', id: card.id, field: 'text' }, 0, 0, text)
      break
    case 'move':
      if (card && theme)
        moveCard(doc, card.id, { themeId: theme.id, perspectiveId: null, index: edit.pick % 5 })
      break
    case 'serverRoot':
      r.control.set('phase', text)
      break
    case 'foreignRoot':
      doc.getMap('intrus').set(text || 'x', edit.pick)
      break
    case 'themeName':
      if (theme) (r.themes.get(theme.id)?.get('name') as Y.Text | undefined)?.insert(0, text)
      break
    case 'wrongType':
      if (card) r.cards.get(card.id)?.set('example', text)
      break
  }
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

function frameWith(type: number, body: Uint8Array, step?: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  if (step !== undefined) encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, body)
  return encoding.toUint8Array(encoder)
}

const COMMAND_TYPES = [
  'clock.ping',
  'vote.add',
  'vote.remove',
  'ballot.get',
  'phase.set',
  'theme.lock',
  'timer.start',
  'timer.pause',
  'round.open',
  'round.reveal',
  'card.hide',
  'card.merge',
  'participant.remove',
  'projector.follow',
  'indicators.import',
  'nonexistent',
] as const

/** Every kind of websocket frame, most of them broken; `base` is the workshop's state, for realistic updates. */
export function frameArb(base: Uint8Array): fc.Arbitrary<Frame> {
  const valid = [
    syncStep1Message(),
    updateMessage(Y.encodeStateAsUpdate(new Y.Doc())),
    new Uint8Array([MESSAGE.queryAwareness]),
  ]
  const update = editArb.map((edit) => updateMessage(editUpdate(base, edit)))
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 600 }), weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(0, 1, 2, 3, 100, 101, 127, 128),
          fc.option(fc.nat(9), { nil: undefined }),
          fc.uint8Array({ maxLength: 300 }),
        )
        .map(([type, step, body]) => frameWith(type, body, step)),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.oneof(update, fc.constantFrom(...valid)), fc.nat(), fc.nat(255), fc.boolean())
        .map(([bytes, at, value, flip]) => {
          if (bytes.length === 0) return bytes
          if (!flip) return bytes.slice(0, at % bytes.length)
          const copy = bytes.slice()
          copy[at % copy.length] = value
          return copy
        }),
      weight: 3,
    },
    {
      arbitrary: fc
        .array(
          fc.record({
            clientId: fc.oneof(fc.nat(20), fc.nat()),
            clock: fc.nat(),
            state: fc.oneof(fc.json({ maxDepth: 3 }), fc.constant('null'), fc.string({ maxLength: 20 })),
          }),
          { maxLength: 30 },
        )
        .map((entries) => presenceFrame(entries)),
      weight: 3,
    },
    {
      arbitrary: fc.oneof(
        fc.json({ maxDepth: 4 }).map((json) => textFrame(json)),
        fc
          .record({
            id: fc.oneof(fc.integer(), fc.string(), fc.double()),
            type: fc.constantFrom(...COMMAND_TYPES),
            extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
          })
          .map(({ id, type, extra }) =>
            typeof id === 'number' && Number.isSafeInteger(id)
              ? commandFrame(id, { ...extra, type })
              : textFrame(JSON.stringify({ id, command: { ...extra, type } })),
          ),
      ),
      weight: 4,
    },
    { arbitrary: update, weight: 3 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  )
}

/** A frame just over the size limit: the socket layer closes with 1009 before anyone reads it. */
export const OVERSIZE_FRAME = new Uint8Array(MAX_MESSAGE_BYTES + 1)

/** Who opens a fuzzing connection, and how. */
export const CREDENTIALS = [
  'facilitator',
  'participant',
  'projector',
  'wrong',
  'none',
  'otherWorkshop',
] as const
export type Credential = (typeof CREDENTIALS)[number]

export const connectionArb = (base: Uint8Array) =>
  fc.record({
    credential: fc.constantFrom(...CREDENTIALS),
    frames: fc.array(frameArb(base), { minLength: 1, maxLength: 60, size: 'medium' }),
    from: fc.integer({ min: 20, max: 40 }).map((n) => `127.0.0.${n}`),
  })

export interface HttpCall {
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer | null
}

/** Requests to every route, with random methods, paths, headers and bodies; `ids` and `tokens` make some of them land. */
export function httpArb(ids: readonly string[], tokens: readonly string[]): fc.Arbitrary<HttpCall> {
  const id = fc.oneof(
    fc.constantFrom(...ids),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom('%', '..', '%00', '%E0%A4%A'),
  )
  const path = fc.oneof(
    fc.constantFrom(
      '/api/workshops',
      '/api/workshops/import',
      '/healthz',
      '/metrics',
      '/',
      '/assets/x.js',
      '/favicon.svg',
      '/api',
      '/api/',
    ),
    id.map((w) => `/api/workshops/${w}`),
    id.map((w) => `/api/workshops/${w}/join`),
    id.map((w) => `/api/workshops/${w}/session`),
    id.map((w) => `/api/workshops/${w}/facilitators`),
    id.map((w) => `/api/workshops/${w}/export?format=${w}`),
    fc.string({ maxLength: 8 }).map((code) => `/api/codes/${encodeURIComponent(code)}`),
    fc.webPath(),
    fc.string({ maxLength: 40 }).map((s) => '/' + encodeURIComponent(s).replace(/%2F/g, '/')),
  )
  const body = fc.oneof(
    fc.constant(null),
    fc.json({ maxDepth: 4 }).map((json) => Buffer.from(json)),
    fc
      .record(
        {
          title: fc.string(),
          name: fc.string(),
          centre: fc.string(),
          joinCode: fc.string({ maxLength: 8 }),
          template: fc.string(),
        },
        { requiredKeys: [] },
      )
      .map((value) => Buffer.from(JSON.stringify(value))),
    fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(Buffer.alloc(70_000, 0x61)),
  )
  const headers = fc.record(
    {
      authorization: fc.oneof(
        fc.constantFrom(...tokens).map((t) => `Bearer ${t}`),
        fc.string({ maxLength: 60 }).filter(isHeaderSafe),
      ),
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        '',
      ),
      accept: fc.constantFrom('*/*', 'text/html', 'application/json'),
      cookie: fc.string({ maxLength: 40 }).filter(isHeaderSafe),
    },
    { requiredKeys: [] },
  )
  return fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'get'),
    path,
    headers,
    body,
  })
}

function isHeaderSafe(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value)
}

/** Bytes thrown straight at the TCP port: garbage, a request that breaks off, or a websocket upgrade to anywhere. */
export function tcpArb(workshopId: string): fc.Arbitrary<Uint8Array> {
  const token = fc
    .string({ maxLength: 30 })
    .filter(isHeaderSafe)
    .map((s) => s.replace(/[\s]/g, '_'))
  const path = fc.oneof(
    fc.webPath(),
    token.map((s) => `/ws/${s}`),
    token.map((s) => `//${s}//`),
    fc.tuple(token, token).map(([a, b]) => `/ws/${workshopId}?token=${a}&as=${b}`),
    fc.constantFrom('*', '////', '//@//x', 'http://autre/ws/x', '/ws/%', '/ws/%E0%A4%A'),
  )
  const upgrade = fc
    .record({
      path,
      key: fc.oneof(fc.constant('dGhlIHNhbXBsZSBub25jZQ=='), token),
      version: fc.constantFrom('13', '8', 'x'),
      extra: token,
    })
    .map(({ path, key, version, extra }) =>
      Buffer.from(
        `GET ${path.replace(/\s/g, '')} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: ${version}\r\nX-Extra: ${extra}\r\n\r\n`,
      ),
    )
  const broken = fc
    .uint8Array({ maxLength: 2000 })
    .map((bytes) =>
      Buffer.concat([Buffer.from('POST /api/workshops HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n'), bytes]),
    )
  return fc.oneof(fc.uint8Array({ maxLength: 2000 }), broken, upgrade).map((bytes) => new Uint8Array(bytes))
}
