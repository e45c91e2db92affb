import { LIMITS } from '../shared/schema'

/**
 * What one client may ask of the server. The defaults leave room for a lively workshop (fast typists, a dozen
 * laptops behind one router, a facilitator who reloads) and stop a script long before it hurts anyone else.
 */
export interface ServerLimits {
  /** Websocket messages one connection may send at once (token bucket size)… */
  messageBurst: number
  /** …and per second over time; beyond, the connection is closed with 4429 "too many messages". */
  messagesPerSecond: number
  /** Open websockets per client address (IPv6: per /64); beyond, new ones are closed with 4429. */
  connectionsPerAddress: number
  /** Workshops one address may create per hour (POST /api/workshops and imports); beyond, 429 rate_limited. */
  workshopsPerHourPerAddress: number
  /** Wrong or unknown join codes one address may try per minute; beyond, 429 rate_limited. */
  wrongCodesPerMinutePerAddress: number
  /** Wrong join codes tried against one workshop within `wrongCodesWindowMs`, from anywhere; beyond, 429. */
  wrongCodesPerWorkshop: number
  wrongCodesWindowMs: number
  /** Bytes waiting to be sent to a connection; a client too slow to read them is dropped. */
  maxBufferedBytes: number
  /** Size of one presence (awareness) message; beyond, the connection is closed with 4413. */
  maxPresenceBytes: number
  /** Presence client ids one connection may introduce (a tab publishes one); beyond, 4429. */
  presencesPerConnection: number
  /** Bytes of updates a workshop may hold waiting for history it lacks; beyond, the update is refused (4409). */
  maxPendingBytes: number
  /** Cards on one board; a card added or moved onto a full board is refused (4409, reason board_full). */
  cardsPerBoard: number
}

export const DEFAULT_LIMITS: ServerLimits = {
  messageBurst: 200,
  messagesPerSecond: 50,
  // One venue's Wi-Fi is one address: several workshops of fifteen laptops, two tabs each, and the projectors.
  connectionsPerAddress: 100,
  workshopsPerHourPerAddress: 20,
  wrongCodesPerMinutePerAddress: 30,
  wrongCodesPerWorkshop: 100,
  wrongCodesWindowMs: 10 * 60_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxPresenceBytes: 64 * 1024,
  presencesPerConnection: 8,
  maxPendingBytes: 1024 * 1024,
  cardsPerBoard: LIMITS.cardsPerBoard,
}

/** The environment variables an operator may set, one per limit (e.g. behind a proxy, all clients share an address). */
export const LIMIT_ENV: Record<keyof ServerLimits, string> = {
  messageBurst: 'LOUPE_MESSAGE_BURST',
  messagesPerSecond: 'LOUPE_MESSAGES_PER_SECOND',
  connectionsPerAddress: 'LOUPE_CONNECTIONS_PER_ADDRESS',
  workshopsPerHourPerAddress: 'LOUPE_WORKSHOPS_PER_HOUR',
  wrongCodesPerMinutePerAddress: 'LOUPE_WRONG_CODES_PER_MINUTE',
  wrongCodesPerWorkshop: 'LOUPE_WRONG_CODES_PER_WORKSHOP',
  wrongCodesWindowMs: 'LOUPE_WRONG_CODES_WINDOW_MS',
  maxBufferedBytes: 'LOUPE_MAX_BUFFERED_BYTES',
  maxPresenceBytes: 'LOUPE_MAX_PRESENCE_BYTES',
  presencesPerConnection: 'LOUPE_PRESENCES_PER_CONNECTION',
  maxPendingBytes: 'LOUPE_MAX_PENDING_BYTES',
  cardsPerBoard: 'LOUPE_CARDS_PER_BOARD',
}

/** Limits set in the environment; throws with the variable's name when one is not a positive whole number. */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<ServerLimits> {
  const limits: Partial<ServerLimits> = {}
  for (const [field, name] of Object.entries(LIMIT_ENV) as Array<[keyof ServerLimits, string]>) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`${name} must be a positive whole number, not "${raw}"`)
    limits[field] = value
  }
  return limits
}
