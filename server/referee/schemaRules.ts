import { isCardPlace } from '../../shared/doc'
import { BOARD_ROOTS, LIMITS, ROOTS } from '../../shared/schema'

/** What each board record may hold, as the referee checks it field by field. */

export type BoardRoot = typeof ROOTS.themes | typeof ROOTS.perspectives | typeof ROOTS.cards

export type FieldSpec =
  | { kind: 'text'; limit: number }
  | { kind: 'questions' }
  | { kind: 'value'; valid: (value: unknown) => boolean }

/** Record ids, theme and perspective references, authors: ids are short (shared/ids makes 12 characters). */
export const MAX_ID_LENGTH = 64
/** Fractional order keys grow slowly with insertions between neighbours; anything longer is not a real key. */
const MAX_ORDER_KEY_LENGTH = 256

export const isBoardRoot = (name: string): name is BoardRoot => BOARD_ROOTS.has(name)

export const isRecordId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH

const isOrderKey = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ORDER_KEY_LENGTH
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0
const isBoolean = (value: unknown) => typeof value === 'boolean'

/** A placement holds exactly its three fields, so nothing else can ride along inside a card. */
function isStrictPlace(value: unknown): boolean {
  if (!isCardPlace(value) || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return (
    keys.length === 3 &&
    isRecordId(value.themeId) &&
    (value.perspectiveId === null || isRecordId(value.perspectiveId)) &&
    isOrderKey(value.key)
  )
}

const text = (limit: number): FieldSpec => ({ kind: 'text', limit })
const value = (valid: (v: unknown) => boolean): FieldSpec => ({ kind: 'value', valid })

const FIELDS: Record<BoardRoot, ReadonlyMap<string, FieldSpec>> = {
  themes: new Map<string, FieldSpec>([
    ['key', value(isOrderKey)],
    ['name', text(LIMITS.themeNameLength)],
    ['questions', { kind: 'questions' }],
  ]),
  perspectives: new Map<string, FieldSpec>([
    ['themeId', value(isRecordId)],
    ['key', value(isOrderKey)],
    ['title', text(LIMITS.perspectiveTitleLength)],
    ['description', text(LIMITS.descriptionLength)],
    ['createdAt', value(isTime)],
  ]),
  cards: new Map<string, FieldSpec>([
    ['text', text(LIMITS.cardTextLength)],
    ['place', value(isStrictPlace)],
    ['example', value(isBoolean)],
    ['author', value(isRecordId)],
    ['createdAt', value(isTime)],
  ]),
}

/** The rule for one field of a record, or undefined when the schema has no such field. */
export function fieldSpec(root: BoardRoot, field: string): FieldSpec | undefined {
  return FIELDS[root].get(field)
}

/** Fields a record must carry from its creation on: all of them (the shared ops always write every one). */
export function requiredFields(root: BoardRoot): Iterable<string> {
  return FIELDS[root].keys()
}

/** The field holding the theme a record belongs to: `themeId` of a perspective, `place.themeId` of a card. */
export function themeIdOfValue(root: BoardRoot, field: string, value: unknown): string | null {
  if (root === ROOTS.perspectives && field === 'themeId') return typeof value === 'string' ? value : null
  if (root === ROOTS.cards && field === 'place') return isCardPlace(value) ? value.themeId : null
  return null
}
