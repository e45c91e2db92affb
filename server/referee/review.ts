import * as Y from 'yjs'
import { readBoardAccess } from '../../shared/doc'
import { canEditBoards, canEditTheme } from '../../shared/rules'
import { LIMITS, ROOTS, SERVER_ROOTS, type Role } from '../../shared/schema'
import type { BoardCardCounts, RefereeVerdict } from './index'
import { idKey, type Container, type Where } from './locate'
import { RecordFacts } from './recordFacts'
import { fieldSpec, isRecordId, requiredFields, type BoardRoot } from './schemaRules'

/** Collects what one update does, change by change, then rules on it with the shared rules. */

type Content = Y.Item['content']

type Reason =
  | 'server_root'
  | 'unknown_root'
  | 'schema'
  | 'too_long'
  | 'facilitator_only'
  | 'phase'
  | 'locked'
  | 'board_full'

interface Size {
  base: number
  limit: number
  inserted: number
  removed: number
}

const foreignReason = (root: string): Reason => (SERVER_ROOTS.has(root) ? 'server_root' : 'unknown_root')

const isTypeOf = (content: Content, ctor: abstract new () => unknown) =>
  content instanceof Y.ContentType && content.type.constructor === ctor

/** Content that could be legal somewhere on the boards: all that an item with an unresolved parent may carry. */
const isBoardContent = (content: Content) =>
  content instanceof Y.ContentString ||
  content instanceof Y.ContentAny ||
  content instanceof Y.ContentDeleted ||
  isTypeOf(content, Y.Map) ||
  isTypeOf(content, Y.Text) ||
  isTypeOf(content, Y.Array)

export class Review {
  private refusal: Reason | null = null
  /** Touches themes (their records, names, questions): shaping the workshop. */
  private shapes = false
  /** Changes something on the boards, possibly where the referee cannot tell (pending or discarded items). */
  private touchesBoards = false
  private readonly facts: RecordFacts
  private readonly sizes = new Map<string, Size>()
  /** New records: their container key, to check they arrive with every field. */
  private readonly created: Array<{ root: BoardRoot; key: string }> = []
  /** Fields given a live value, as `<record container key>/<field>`. */
  private readonly written = new Set<string>()
  /** Fields whose value this update deletes, to the key of their record's container: each needs a new value. */
  private readonly emptied = new Map<string, string>()
  /** Record containers this update deletes or replaces: their fields may go with them. */
  private readonly gone = new Set<string>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly role: Role,
    private readonly boards?: BoardCardCounts,
  ) {
    this.facts = new RecordFacts(doc)
  }

  /** An item of the update; `live` counts its clocks new to the document and not deleted by the update itself. */
  insert(item: Y.Item, where: Where, live: number): void {
    if (where.state !== 'known') return this.unresolved(where, item.content)
    const { container, sub } = where
    const content = item.content
    switch (container.kind) {
      case 'foreign':
        return this.refuse(foreignReason(container.root))
      case 'board':
        return this.insertRecord(container.root, sub, item, live)
      case 'record':
        return this.insertField(container, sub, content)
      case 'text':
        this.touch(container.root, container.id)
        if (sub !== null) return this.refuse('schema')
        if (content instanceof Y.ContentDeleted) return
        if (!(content instanceof Y.ContentString)) return this.refuse('schema')
        this.size(container).inserted += live
        return
      case 'questions':
        this.touch(ROOTS.themes, container.id)
        if (sub !== null) return this.refuse('schema')
        if (content instanceof Y.ContentDeleted) return
        if (!isTypeOf(content, Y.Text)) return this.refuse('schema')
        this.size(container).inserted += live
        return
    }
  }

  /** A live item of the document that the update deletes, `count` of its clocks. */
  remove(item: Y.Item, where: Where, count: number): void {
    if (where.state === 'dead') return void (this.touchesBoards = true)
    if (where.state !== 'known') return this.refuse('schema')
    const { container, sub } = where
    switch (container.kind) {
      case 'foreign':
        return this.refuse(foreignReason(container.root))
      case 'board':
        if (sub === null) return this.refuse('schema')
        this.touch(container.root, sub)
        this.gone.add(idKey(item.id))
        return
      case 'record':
        this.touch(container.root, container.id)
        if (sub !== null) this.emptied.set(`${container.key}/${sub}`, container.key)
        return
      case 'text':
      case 'questions':
        this.touch(container.kind === 'text' ? container.root : ROOTS.themes, container.id)
        if (item.countable) this.size(container).removed += count
        return
    }
  }

  /** A deletion of clocks of `client` that neither the document nor the update holds (Yjs keeps it pending). */
  unknownDeletion(client: number): void {
    this.unresolved({ state: 'unknown', client }, new Y.ContentDeleted(1))
  }

  /** The decision, once every change has been seen. */
  verdict(): RefereeVerdict {
    const reason = this.refusal ?? this.shapeProblem() ?? this.permissionProblem() ?? this.fullBoard()
    return reason === null ? { ok: true } : { ok: false, reason }
  }

  private unresolved(where: Exclude<Where, { state: 'known' }>, content: Content): void {
    if (where.state === 'invalid') return this.refuse('schema')
    // The server's own future items: a pending change aimed at them would rewrite server state once they exist.
    if (where.state === 'unknown' && where.client === this.doc.clientID) return this.refuse('server_root')
    this.touchesBoards = true
    if (!isBoardContent(content)) this.refuse('schema')
  }

  private insertRecord(root: BoardRoot, id: string | null, item: Y.Item, live: number): void {
    if (!isRecordId(id)) return this.refuse('schema')
    this.touch(root, id)
    // Yjs makes the newest value of a key current and deletes the one before: the present record is replaced.
    const current = this.facts.docRecord(root, id)
    if (current?._item) this.gone.add(idKey(current._item.id))
    const content = item.content
    if (content instanceof Y.ContentDeleted) return
    if (!isTypeOf(content, Y.Map)) return this.refuse('schema')
    const key = idKey(item.id)
    this.created.push({ root, key })
    this.facts.created(root, id)
    if (live === 0) this.gone.add(key)
  }

  private insertField(
    record: Extract<Container, { kind: 'record' }>,
    field: string | null,
    content: Content,
  ): void {
    this.touch(record.root, record.id)
    const spec = field === null ? undefined : fieldSpec(record.root, field)
    if (field === null || !spec) return this.refuse('schema')
    const fieldKey = `${record.key}/${field}`
    if (content instanceof Y.ContentDeleted) return void this.emptied.set(fieldKey, record.key)
    this.written.add(fieldKey)
    if (spec.kind === 'text' && !isTypeOf(content, Y.Text)) return this.refuse('schema')
    if (spec.kind === 'questions' && !isTypeOf(content, Y.Array)) return this.refuse('schema')
    if (spec.kind === 'value') {
      const values = content instanceof Y.ContentAny ? content.arr : []
      if (values.length !== 1 || !spec.valid(values[0])) return this.refuse('schema')
      this.facts.value(record.root, record.id, field, values[0])
    }
  }

  private touch(root: BoardRoot, id: string): void {
    this.touchesBoards = true
    if (root === ROOTS.themes) this.shapes = true
    else this.facts.touch(root, id)
  }

  private size(container: Extract<Container, { kind: 'text' | 'questions' }>): Size {
    let size = this.sizes.get(container.key)
    if (!size) {
      size =
        container.kind === 'text'
          ? { base: container.text?.length ?? 0, limit: container.limit, inserted: 0, removed: 0 }
          : { base: container.array?.length ?? 0, limit: LIMITS.questionsPerTheme, inserted: 0, removed: 0 }
      this.sizes.set(container.key, size)
    }
    return size
  }

  private refuse(reason: Reason): void {
    this.refusal ??= reason
  }

  private shapeProblem(): Reason | null {
    for (const { root, key } of this.created) {
      if (this.gone.has(key)) continue
      for (const field of requiredFields(root)) if (!this.written.has(`${key}/${field}`)) return 'schema'
    }
    for (const [fieldKey, recordKey] of this.emptied) {
      if (!this.written.has(fieldKey) && !this.gone.has(recordKey)) return 'schema'
    }
    for (const size of this.sizes.values()) {
      // Only growth is refused: deleting from a text already over its limit must stay possible.
      if (size.inserted > 0 && size.base + size.inserted - size.removed > size.limit) return 'too_long'
    }
    return this.facts.referencesProblem() ? 'schema' : null
  }

  /** Cards arriving on a board (new, or moved from another) beyond what it may hold; only growth is refused. */
  private fullBoard(): Reason | null {
    if (!this.boards) return null
    const arriving = new Map<string, number>()
    for (const [cardId, themeId] of this.facts.cardPlacements()) {
      if (this.boards.themeOf(cardId) !== themeId) arriving.set(themeId, (arriving.get(themeId) ?? 0) + 1)
    }
    for (const [themeId, count] of arriving) {
      if (this.boards.count(themeId) + count > this.boards.limit) return 'board_full'
    }
    return null
  }

  private permissionProblem(): Reason | null {
    if (this.role === 'facilitator') return null
    if (this.shapes) return 'facilitator_only'
    const control = readBoardAccess(this.doc)
    if (this.touchesBoards && !canEditBoards(this.role, control)) return 'phase'
    for (const themeId of this.facts.touchedThemes()) {
      if (!canEditTheme(this.role, control, themeId)) return 'locked'
    }
    return null
  }
}
