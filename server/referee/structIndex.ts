import * as Y from 'yjs'

/**
 * Finds structs by id in the document's store and in a decoded update, by binary search: the referee never walks
 * the document, only the clock ranges an update names.
 */

export type Struct = Y.Item | Y.GC
export interface Found {
  struct: Struct
  inDoc: boolean
}
export interface Range {
  clock: number
  len: number
}

/** The struct of the document covering `id`, or null when the document has not seen that clock yet. */
export function findInDoc(doc: Y.Doc, id: Y.ID): Struct | null {
  const structs = doc.store.clients.get(id.client)
  if (!structs || id.clock < 0 || id.clock >= Y.getState(doc.store, id.client)) return null
  return structs[Y.findIndexSS(structs, id.clock)] ?? null
}

/** Index of the first element whose range ends after `clock` (elements sorted by clock, not overlapping). */
function firstEndingAfter<T>(list: readonly T[], clock: number, range: (t: T) => Range): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const r = range(list[mid] as T)
    if (r.clock + r.len <= clock) low = mid + 1
    else high = mid
  }
  return low
}

const structRange = (s: Y.Item | Y.GC | Y.Skip): Range => ({ clock: s.id.clock, len: s.length })

/** The structs an update carries, per client, in clock order (Skips mark what it leaves out). */
export class UpdateIndex {
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>()

  /**
   * Throws unless each client's structs form one gapless run: Yjs keeps only a client's last run, so two runs could
   * show the referee one struct and Yjs another under the same id.
   */
  constructor(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>) {
    for (const struct of structs) {
      const { client, clock } = struct.id
      const list = this.byClient.get(client)
      const last = list?.[list.length - 1]
      if (!list) this.byClient.set(client, [struct])
      else if (last && last.id.clock + last.length === clock) list.push(struct)
      else throw new Error('a client appears twice in one update')
    }
  }

  /** The Item or GC of this update covering `id`, or null (Skips count as absent). */
  find(id: Y.ID): Struct | null {
    const list = this.byClient.get(id.client)
    if (!list) return null
    const struct = list[firstEndingAfter(list, id.clock, structRange)]
    if (!struct || struct.id.clock > id.clock || struct instanceof Y.Skip) return null
    return struct
  }

  /** Whether this update's Items and GCs cover all of [clock, clock+len). */
  covers(client: number, clock: number, len: number): boolean {
    const list = this.byClient.get(client) ?? []
    let at = clock
    for (let i = firstEndingAfter(list, clock, structRange); at < clock + len; i++) {
      const struct = list[i]
      if (!struct || struct.id.clock > at || struct instanceof Y.Skip) return false
      at = struct.id.clock + struct.length
    }
    return true
  }
}

/** Looks an id up in the document first (what Yjs integrated wins over a re-sent copy), then in the update. */
export function lookUp(doc: Y.Doc, update: UpdateIndex, id: Y.ID): Found | null {
  const inDoc = findInDoc(doc, id)
  if (inDoc) return { struct: inDoc, inDoc: true }
  const inUpdate = update.find(id)
  return inUpdate ? { struct: inUpdate, inDoc: false } : null
}

/** The delete set's ranges per client, sorted and merged so that no document struct is visited twice. */
export function normaliseDeleteSet(ds: { clients: Map<number, Range[]> }): Map<number, Range[]> {
  const result = new Map<number, Range[]>()
  for (const [client, ranges] of ds.clients) {
    const sorted = ranges.filter((r) => r.len > 0).sort((a, b) => a.clock - b.clock)
    const merged: Range[] = []
    for (const r of sorted) {
      const last = merged[merged.length - 1]
      if (last && r.clock <= last.clock + last.len) {
        last.len = Math.max(last.len, r.clock + r.len - last.clock)
      } else merged.push({ clock: r.clock, len: r.len })
    }
    if (merged.length > 0) result.set(client, merged)
  }
  return result
}

/** How many clocks of [clock, clock+len) the delete set covers. */
export function deletedWithin(ds: Map<number, Range[]>, client: number, clock: number, len: number): number {
  const ranges = ds.get(client) ?? []
  let count = 0
  for (let i = firstEndingAfter(ranges, clock, (r) => r); i < ranges.length; i++) {
    const r = ranges[i] as Range
    if (r.clock >= clock + len) break
    count += Math.min(r.clock + r.len, clock + len) - Math.max(r.clock, clock)
  }
  return count
}
