import { generateKeyBetween } from 'fractional-indexing'

/** Anything ordered by a fractional key; ties (two people inserting at the same spot) fall back to the id. */
export interface Ordered {
  id: string
  key: string
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.key < b.key) return -1
  if (a.key > b.key) return 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function sortOrdered<T extends Ordered>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrdered)
}

/**
 * The key that places an item at `index` among `siblings` (sorted, not containing the item itself).
 * @example keyAt([], 0) // 'a0'
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const clamped = Math.max(0, Math.min(index, siblings.length))
  const before = clamped > 0 ? (siblings[clamped - 1]?.key ?? null) : null
  // Equal keys left by concurrent inserts have no room between them: place after the whole tie.
  let next = clamped
  while (next < siblings.length && before !== null && siblings[next]?.key === before) next++
  const after = next < siblings.length ? (siblings[next]?.key ?? null) : null
  return generateKeyBetween(before, after)
}
