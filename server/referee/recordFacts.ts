import * as Y from 'yjs'
import { isCardPlace } from '../../shared/doc'
import { ROOTS } from '../../shared/schema'
import { themeIdOfValue, type BoardRoot } from './schemaRules'

/**
 * What an update says about the records it touches, next to what the document says about them: which themes a
 * change concerns (for locks), and whether its references (theme, perspective) hold. Every document read is one
 * map lookup by id.
 */

interface Written {
  field: string
  value: unknown
}

export class RecordFacts {
  private readonly rootMaps = new Map<BoardRoot, Y.Map<unknown>>()
  private readonly touched = new Map<BoardRoot, Set<string>>()
  private readonly createdIds = new Map<BoardRoot, Set<string>>()
  private readonly written = new Map<BoardRoot, Map<string, Written[]>>()

  constructor(private readonly doc: Y.Doc) {}

  /** The record the document holds under `id` right now, or null. */
  docRecord(root: BoardRoot, id: string): Y.Map<unknown> | null {
    let map = this.rootMaps.get(root)
    if (!map) this.rootMaps.set(root, (map = this.doc.getMap<unknown>(root)))
    const record = map.get(id)
    return record instanceof Y.Map ? (record as Y.Map<unknown>) : null
  }

  /** Notes a change inside a perspective or a card (themes need no lookup: they are the facilitator's). */
  touch(root: BoardRoot, id: string): void {
    setOf(this.touched, root).add(id)
  }

  created(root: BoardRoot, id: string): void {
    setOf(this.createdIds, root).add(id)
  }

  value(root: BoardRoot, id: string, field: string, value: unknown): void {
    let byId = this.written.get(root)
    if (!byId) this.written.set(root, (byId = new Map()))
    const list = byId.get(id)
    if (list) list.push({ field, value })
    else byId.set(id, [{ field, value }])
  }

  /** Every theme a touched perspective or card belongs to, before and after the update (a move concerns both). */
  *touchedThemes(): Iterable<string> {
    for (const [root, ids] of this.touched) for (const id of ids) yield* this.themesOf(root, id)
  }

  /** The board each card this update places ends up on (its last placement in the update). */
  cardPlacements(): Map<string, string> {
    const placed = new Map<string, string>()
    for (const [cardId, values] of this.written.get(ROOTS.cards) ?? []) {
      for (const { value } of values) if (isCardPlace(value)) placed.set(cardId, value.themeId)
    }
    return placed
  }

  /** True when a written reference points nowhere or across boards. */
  referencesProblem(): boolean {
    for (const [id, values] of this.written.get(ROOTS.perspectives) ?? []) {
      const docTheme = this.docRecord(ROOTS.perspectives, id)?.get('themeId')
      for (const { field, value } of values) {
        if (field !== 'themeId' || typeof value !== 'string') continue
        // A perspective stays on its board: its cards' placements name that board too.
        if (!this.themeExists(value) || (typeof docTheme === 'string' && docTheme !== value)) return true
      }
    }
    for (const values of this.written.get(ROOTS.cards)?.values() ?? []) {
      for (const { value } of values) {
        if (!isCardPlace(value)) continue
        if (!this.themeExists(value.themeId)) return true
        // A perspective deleted meanwhile is tolerated (the card shows among the ideas to sort); another board's is not.
        const pid = value.perspectiveId
        if (pid !== null && [...this.themesOf(ROOTS.perspectives, pid)].some((t) => t !== value.themeId))
          return true
      }
    }
    return false
  }

  private themeExists(themeId: string): boolean {
    return (
      this.docRecord(ROOTS.themes, themeId) !== null ||
      (this.createdIds.get(ROOTS.themes)?.has(themeId) ?? false)
    )
  }

  private *themesOf(root: BoardRoot, id: string): Iterable<string> {
    const field = root === ROOTS.cards ? 'place' : 'themeId'
    const docRecord = this.docRecord(root, id)
    if (docRecord) {
      const themeId = themeIdOfValue(root, field, docRecord.get(field))
      if (themeId !== null) yield themeId
    }
    for (const written of this.written.get(root)?.get(id) ?? []) {
      const themeId = themeIdOfValue(root, written.field, written.value)
      if (themeId !== null) yield themeId
    }
  }
}

function setOf(map: Map<BoardRoot, Set<string>>, root: BoardRoot): Set<string> {
  let set = map.get(root)
  if (!set) map.set(root, (set = new Set()))
  return set
}
