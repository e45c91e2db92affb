import * as Y from 'yjs'
import { LIMITS, ROOTS } from '../../shared/schema'
import { fieldSpec, isBoardRoot, type BoardRoot } from './schemaRules'
import { lookUp, type Found, type UpdateIndex } from './structIndex'

/**
 * Where an item lands in the workshop schema (root -> record -> field -> question), found the way Yjs finds it on
 * integration, but by looking up only the few structs on the way up: never by walking the document.
 */

/** A Yjs type of the workshop, named by its place in the schema; `key` identifies the item holding it. */
export type Container =
  | { kind: 'foreign'; root: string }
  | { kind: 'board'; root: BoardRoot }
  | { kind: 'record'; root: BoardRoot; id: string; key: string }
  | { kind: 'text'; root: BoardRoot; id: string; key: string; text: Y.Text | null; limit: number }
  | { kind: 'questions'; id: string; key: string; array: Y.Array<unknown> | null }

export type Where =
  /** Lands in `container`, under map key `sub` (null in a list or a text). */
  | { state: 'known'; container: Container; sub: string | null }
  /** Lands under a deleted or collected type: Yjs discards it on arrival. */
  | { state: 'dead' }
  /** Depends on a struct of `client` that neither the document nor the update holds: Yjs keeps it pending. */
  | { state: 'unknown'; client: number }
  /** Lands under a type the schema does not allow (whose own creation is refused). */
  | { state: 'invalid' }

type Placed = { state: 'known'; container: Container } | Exclude<Where, { state: 'known' }>

/** Thrown for updates no Yjs client produces, such as items whose origins loop. */
export class MalformedUpdate extends Error {}

/** The schema nests four levels (root, record, field, question); deeper chains are refused without recursing. */
const MAX_DEPTH = 8
const DEAD = { state: 'dead' } as const
const INVALID = { state: 'invalid' } as const

export const idKey = (id: Y.ID) => `${id.client}:${id.clock}`

const rootContainer = (name: string): Container =>
  isBoardRoot(name) ? { kind: 'board', root: name } : { kind: 'foreign', root: name }

function isExactly<T>(type: Y.AbstractType<unknown>, ctor: abstract new () => T): boolean {
  // Constructor identity, not instanceof: Y.XmlText extends Y.Text and has no place on the boards.
  return type.constructor === ctor
}

/** The container a type makes once it sits at `sub` in `parent`, or null when the schema has no such place. */
function childContainer(
  parent: Container,
  sub: string | null,
  type: Y.AbstractType<unknown>,
  key: string,
  inDoc: boolean,
): Container | null {
  switch (parent.kind) {
    case 'foreign':
      return parent
    case 'board':
      return sub !== null && isExactly(type, Y.Map)
        ? { kind: 'record', root: parent.root, id: sub, key }
        : null
    case 'record': {
      const spec = sub === null ? undefined : fieldSpec(parent.root, sub)
      if (spec?.kind === 'text' && isExactly(type, Y.Text)) {
        return {
          kind: 'text',
          root: parent.root,
          id: parent.id,
          key,
          text: inDoc ? (type as Y.Text) : null,
          limit: spec.limit,
        }
      }
      if (spec?.kind === 'questions' && isExactly(type, Y.Array)) {
        return { kind: 'questions', id: parent.id, key, array: inDoc ? (type as Y.Array<unknown>) : null }
      }
      return null
    }
    case 'questions':
      return sub === null && isExactly(type, Y.Text)
        ? {
            kind: 'text',
            root: ROOTS.themes,
            id: parent.id,
            key,
            text: inDoc ? (type as Y.Text) : null,
            limit: LIMITS.questionLength,
          }
        : null
    case 'text':
      return null
  }
}

const withSub = (placed: Placed, sub: string | null): Where =>
  placed.state === 'known' ? { state: 'known', container: placed.container, sub } : placed

/** Resolves and remembers where the items of one update, and the document items it deletes, land. */
export class Locator {
  private readonly places = new Map<Y.Item, Where>()
  private readonly containers = new Map<Y.Item, Placed>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: UpdateIndex,
  ) {}

  /** Where an item of the update lands; when the encoding leaves its parent out, it is its origin's (as in Yjs). */
  ofNew(item: Y.Item, depth = 0): Where {
    const chain = new Set<Y.Item>()
    let current = item
    let where: Where | undefined
    // Iterative: a typed sentence is a long chain of origins and must not exhaust the stack.
    while (where === undefined) {
      const cached = this.places.get(current)
      if (cached) {
        where = cached
        break
      }
      if (chain.has(current)) throw new MalformedUpdate('items whose origins loop')
      chain.add(current)
      const parent = current.parent as unknown
      if (parent !== null) {
        where = this.underParent(parent, current.parentSub, depth)
        break
      }
      const next = this.neighbour(current)
      if (!('struct' in next)) where = next
      else if (next.inDoc) where = this.ofDoc(next.struct, depth)
      else current = next.struct
    }
    for (const member of chain) this.places.set(member, where)
    return where
  }

  /** Where an item integrated in the document sits. */
  ofDoc(item: Y.Item, depth = 0): Where {
    const cached = this.places.get(item)
    if (cached) return cached
    const parent = item.parent
    let where: Where
    if (!(parent instanceof Y.AbstractType)) where = DEAD
    else if (parent._item === null)
      where = { state: 'known', container: rootContainer(Y.findRootTypeKey(parent)), sub: item.parentSub }
    else where = withSub(this.containerOf({ struct: parent._item, inDoc: true }, depth + 1), item.parentSub)
    this.places.set(item, where)
    return where
  }

  private underParent(parent: unknown, sub: string | null, depth: number): Where {
    if (typeof parent === 'string') return { state: 'known', container: rootContainer(parent), sub }
    if (!(parent instanceof Y.ID)) return INVALID
    const found = lookUp(this.doc, this.update, parent)
    if (!found) return { state: 'unknown', client: parent.client }
    // An id inside a longer item names no type: Yjs then drops the child.
    if (found.struct.id.clock !== parent.clock) return DEAD
    return withSub(this.containerOf(found, depth + 1), sub)
  }

  /** The origin (else right origin) an item takes its parent from, as Yjs's Item.getMissing does. */
  private neighbour(item: Y.Item): { struct: Y.Item; inDoc: boolean } | Where {
    const left = item.origin ? lookUp(this.doc, this.update, item.origin) : null
    const right = item.rightOrigin ? lookUp(this.doc, this.update, item.rightOrigin) : null
    if (item.origin && !left) return { state: 'unknown', client: item.origin.client }
    if (item.rightOrigin && !right) return { state: 'unknown', client: item.rightOrigin.client }
    const next = left ?? right
    if (!next) return INVALID
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC || !(next.struct instanceof Y.Item))
      return DEAD
    return { struct: next.struct, inDoc: next.inDoc }
  }

  /** The container held by the type item `found`. */
  private containerOf(found: Found, depth: number): Placed {
    const item = found.struct
    if (!(item instanceof Y.Item) || (found.inDoc && item.deleted)) return DEAD
    if (!(item.content instanceof Y.ContentType)) return DEAD
    const cached = this.containers.get(item)
    if (cached) return cached
    if (depth > MAX_DEPTH) return INVALID
    const type = item.content.type
    const where = found.inDoc ? this.ofDoc(item, depth) : this.ofNew(item, depth)
    let placed: Placed
    if (where.state !== 'known') placed = where
    else {
      const child = childContainer(where.container, where.sub, type, idKey(item.id), found.inDoc)
      placed = child ? { state: 'known', container: child } : INVALID
    }
    this.containers.set(item, placed)
    return placed
  }
}
