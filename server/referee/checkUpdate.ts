import * as Y from 'yjs'
import type { Role } from '../../shared/schema'
import type { BoardCardCounts, CheckUpdate, RefereeVerdict } from './index'
import { Locator, MalformedUpdate } from './locate'
import { Review } from './review'
import { deletedWithin, normaliseDeleteSet, UpdateIndex, type Range } from './structIndex'

/**
 * The server's referee: reads a client's raw Yjs update without applying it and decides whether it may be stored
 * and relayed. Its work follows the update's size: it looks up only the structs the update names or hangs from.
 */

const OK: RefereeVerdict = { ok: true }
const refused = (reason: string): RefereeVerdict => ({ ok: false, reason })

interface Fresh {
  items: Array<{ item: Y.Item; live: number }>
  collected: boolean
}

/** Decides whether `role` may apply `update` to `doc`; never throws. */
export const checkUpdate: CheckUpdate = (doc, update, role, boards) => {
  try {
    return judge(doc, update, role, boards)
  } catch {
    // Anything Yjs cannot decode, and any update that makes the referee itself stumble, is refused the same way.
    return refused('malformed')
  }
}

function judge(
  doc: Y.Doc,
  bytes: Uint8Array,
  role: Role,
  boards: BoardCardCounts | undefined,
): RefereeVerdict {
  const { structs, ds: rawDs } = Y.decodeUpdate(bytes)
  const index = new UpdateIndex(structs)
  const ds = normaliseDeleteSet(rawDs)
  for (const struct of structs)
    if (struct instanceof Y.Item && pointsAhead(struct)) throw new MalformedUpdate('forward reference')

  const fresh = freshStructs(doc, structs, ds)
  const deletions = liveDeletions(doc, index, ds)
  // y-websocket sends updates that change nothing (an empty one, a delete set of what is already deleted).
  if (
    fresh.items.length === 0 &&
    !fresh.collected &&
    deletions.items.length === 0 &&
    deletions.unknown.length === 0
  )
    return OK
  if (role === 'projector') return refused('read_only')

  const locator = new Locator(doc, index)
  const review = new Review(doc, role, boards)
  for (const { item, live } of fresh.items) review.insert(item, locator.ofNew(item), live)
  for (const { item, count } of deletions.items) review.remove(item, locator.ofDoc(item), count)
  for (const client of deletions.unknown) review.unknownDeletion(client)
  return review.verdict()
}

/** An item naming its own client's later clock: no Yjs client writes that, and Yjs would throw integrating it. */
function pointsAhead(item: Y.Item): boolean {
  const parent = item.parent as unknown
  const refs = [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]
  return refs.some((ref) => ref !== null && ref.client === item.id.client && ref.clock >= item.id.clock)
}

/** The structs of the update the document does not have yet (Yjs skips the rest), with their live lengths. */
function freshStructs(
  doc: Y.Doc,
  structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
  ds: Map<number, Range[]>,
): Fresh {
  const fresh: Fresh = { items: [], collected: false }
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    const from = Math.max(clock, Y.getState(doc.store, client))
    const end = clock + struct.length
    if (from >= end) continue
    if (struct instanceof Y.GC) fresh.collected = true
    else fresh.items.push({ item: struct, live: end - from - deletedWithin(ds, client, from, end - from) })
  }
  return fresh
}

/**
 * The document items the delete set removes that are not removed yet, and the clients whose named clocks neither
 * the document nor the update holds. Only the named ranges are visited, each document struct at most once.
 */
function liveDeletions(doc: Y.Doc, index: UpdateIndex, ds: Map<number, Range[]>) {
  const items: Array<{ item: Y.Item; count: number }> = []
  const unknown: number[] = []
  for (const [client, ranges] of ds) {
    const structs = doc.store.clients.get(client) ?? []
    const state = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      for (let i = clock < state ? Y.findIndexSS(structs, clock) : structs.length; i < structs.length; i++) {
        const struct = structs[i]
        if (!struct || struct.id.clock >= end) break
        if (struct instanceof Y.Item && !struct.deleted) {
          items.push({
            item: struct,
            count: Math.min(end, struct.id.clock + struct.length) - Math.max(clock, struct.id.clock),
          })
        }
      }
      const from = Math.max(clock, state)
      if (end > from && !index.covers(client, from, end - from)) unknown.push(client)
    }
  }
  return { items, unknown }
}
