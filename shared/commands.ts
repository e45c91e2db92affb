import { PHASES, type Phase } from './schema'
import { parseVoteSettings, type VoteSettings } from './voting'

/**
 * Changes that need a referee do not travel as CRDT writes: the client sends a command over the websocket, the
 * server checks it against the rules, applies it with a server-side operation and answers. Wire format: a
 * y-websocket frame whose first varUint is MESSAGE_COMMAND (client -> server) or MESSAGE_REPLY (server -> client),
 * followed by one varString of JSON.
 */
export const MESSAGE_COMMAND = 100
export const MESSAGE_REPLY = 101

export type Command =
  | { type: 'clock.ping'; sentAt: number }
  | { type: 'vote.add'; itemId: string }
  | { type: 'vote.remove'; itemId: string }
  | { type: 'ballot.get' }
  | { type: 'phase.set'; phase: Phase }
  | { type: 'theme.lock'; themeId: string; locked: boolean }
  | { type: 'timer.start'; durationMs: number }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.addMinute' }
  | { type: 'timer.stop' }
  | { type: 'round.open'; settings: VoteSettings }
  | { type: 'round.close' }
  | { type: 'round.reopen' }
  | { type: 'round.reveal' }
  | { type: 'round.reset' }
  | { type: 'card.hide'; cardId: string; hidden: boolean }
  | { type: 'card.merge'; sourceId: string; targetId: string }
  | { type: 'participant.remove'; participantId: string }
  | { type: 'projector.follow'; target: FollowTarget }
  | { type: 'indicators.import'; csv: string; mode: 'append' | 'replace' }
  | { type: 'indicator.pin'; indicatorId: string; themeId: string | null; index?: number }
  | { type: 'indicator.remove'; indicatorId: string }

/** What the projector shows when it follows the facilitator. */
export type FollowTarget =
  | { kind: 'overview' }
  | { kind: 'theme'; themeId: string }
  | { kind: 'perspective'; perspectiveId: string }
  | { kind: 'card'; cardId: string }
  | { kind: 'results' }

export type CommandType = Command['type']

/** Commands anyone connected (participant or facilitator) may send; every other one is the facilitator's. */
const OPEN_COMMANDS: ReadonlySet<CommandType> = new Set([
  'clock.ping',
  'vote.add',
  'vote.remove',
  'ballot.get',
])

export function isFacilitatorCommand(type: CommandType): boolean {
  return !OPEN_COMMANDS.has(type)
}

/** An envelope as sent: a client-chosen id to match the reply, and the command. */
export interface CommandEnvelope {
  id: number
  command: Command
}

export type CommandError =
  | 'malformed'
  | 'forbidden'
  | 'not_found'
  | 'round_not_open'
  | 'no_round'
  | 'not_votable'
  | 'budget'
  | 'per_item'
  | 'nothing_to_remove'
  | 'wrong_phase'
  | 'invalid_csv'
  | 'too_large'

export type Reply =
  | { kind: 'result'; id: number; ok: true; data?: unknown }
  | { kind: 'result'; id: number; ok: false; error: CommandError; message?: string; details?: unknown }
  | { kind: 'ballot'; roundId: string | null; ballot: Record<string, number>; left: number }
  | { kind: 'clock'; sentAt: number; serverTime: number }

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Reads a projector target from untrusted input; null when it is not exactly one. */
export function parseFollowTarget(raw: unknown): FollowTarget | null {
  if (typeof raw !== 'object' || raw === null) return null
  const t = raw as Record<string, unknown>
  switch (t.kind) {
    case 'overview':
    case 'results':
      return { kind: t.kind }
    case 'theme':
      return isId(t.themeId) ? { kind: 'theme', themeId: t.themeId } : null
    case 'perspective':
      return isId(t.perspectiveId) ? { kind: 'perspective', perspectiveId: t.perspectiveId } : null
    case 'card':
      return isId(t.cardId) ? { kind: 'card', cardId: t.cardId } : null
    default:
      return null
  }
}

/** Parses one command from untrusted JSON text; null when it is not exactly a known command. */
export function parseCommandEnvelope(json: string): CommandEnvelope | null {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null) return null
  const { id, command } = raw as { id?: unknown; command?: unknown }
  if (!Number.isSafeInteger(id) || typeof command !== 'object' || command === null) return null
  const parsed = parseCommand(command as Record<string, unknown>)
  return parsed ? { id: id as number, command: parsed } : null
}

function parseCommand(c: Record<string, unknown>): Command | null {
  switch (c.type) {
    case 'clock.ping':
      return isFiniteNumber(c.sentAt) ? { type: c.type, sentAt: c.sentAt } : null
    case 'vote.add':
    case 'vote.remove':
      return isId(c.itemId) ? { type: c.type, itemId: c.itemId } : null
    case 'phase.set':
      return PHASES.includes(c.phase as Phase) ? { type: c.type, phase: c.phase as Phase } : null
    case 'theme.lock':
      return isId(c.themeId) && typeof c.locked === 'boolean'
        ? { type: c.type, themeId: c.themeId, locked: c.locked }
        : null
    case 'timer.start':
      return isFiniteNumber(c.durationMs) && c.durationMs > 0
        ? { type: c.type, durationMs: c.durationMs }
        : null
    case 'round.open': {
      const settings = parseVoteSettings(c.settings ?? {})
      return settings ? { type: c.type, settings } : null
    }
    case 'card.hide':
      return isId(c.cardId) && typeof c.hidden === 'boolean'
        ? { type: c.type, cardId: c.cardId, hidden: c.hidden }
        : null
    case 'card.merge':
      return isId(c.sourceId) && isId(c.targetId) && c.sourceId !== c.targetId
        ? { type: c.type, sourceId: c.sourceId, targetId: c.targetId }
        : null
    case 'participant.remove':
      return isId(c.participantId) ? { type: c.type, participantId: c.participantId } : null
    case 'projector.follow': {
      const target = parseFollowTarget(c.target)
      return target ? { type: c.type, target } : null
    }
    case 'indicators.import':
      return typeof c.csv === 'string' && (c.mode === 'append' || c.mode === 'replace')
        ? { type: c.type, csv: c.csv, mode: c.mode }
        : null
    case 'indicator.pin': {
      if (!isId(c.indicatorId) || (c.themeId !== null && !isId(c.themeId))) return null
      if (c.index === undefined) return { type: c.type, indicatorId: c.indicatorId, themeId: c.themeId }
      return Number.isSafeInteger(c.index) && (c.index as number) >= 0
        ? { type: c.type, indicatorId: c.indicatorId, themeId: c.themeId, index: c.index as number }
        : null
    }
    case 'indicator.remove':
      return isId(c.indicatorId) ? { type: c.type, indicatorId: c.indicatorId } : null
    case 'ballot.get':
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.addMinute':
    case 'timer.stop':
    case 'round.close':
    case 'round.reopen':
    case 'round.reveal':
    case 'round.reset':
      return { type: c.type }
    default:
      return null
  }
}
