import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_TAILORED_AUTHORS, planRelay, type BatchChange } from '../../server/rooms/relayPlan'

/** A batch as a room drains it: each author's update, made on its own copy of one shared document. */
function batchOf(authors: readonly string[]): { base: Uint8Array; changes: Array<BatchChange<string>> } {
  const origin = new Y.Doc()
  origin.getText('t').insert(0, 'base')
  const base = Y.encodeStateAsUpdate(origin)
  const changes = authors.map((author) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    const before = Y.encodeStateVector(doc)
    doc.getText('t').insert(0, `[${author}]`)
    return { update: Y.encodeStateAsUpdate(doc, before), author: author === 'server' ? null : author }
  })
  return { base, changes }
}

function textAfter(...updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

function withoutOwn(base: Uint8Array, changes: ReadonlyArray<BatchChange<string>>, author: string): string {
  return textAfter(base, ...changes.filter((c) => c.author !== author).map((c) => c.update))
}

describe('the relay of a batch', () => {
  it('sends a lone change as it came, to everyone but its author', () => {
    const { changes } = batchOf(['ada'])
    const plan = planRelay(changes)
    expect(plan.all).toBe(changes[0]!.update)
    expect([...plan.authors]).toEqual(['ada'])
    expect(plan.toAuthors).toEqual([])
  })

  it('gives everyone else every change in one update, and each author what the others wrote', () => {
    const { base, changes } = batchOf(['ada', 'bob', 'server', 'ada'])
    const plan = planRelay(changes)
    expect(textAfter(base, plan.all)).toBe(textAfter(base, ...changes.map((c) => c.update)))
    expect([...plan.authors].sort()).toEqual(['ada', 'bob'])
    const shares = new Map(plan.toAuthors.map(({ author, update }) => [author, update]))
    expect([...shares.keys()].sort()).toEqual(['ada', 'bob'])
    for (const author of ['ada', 'bob']) {
      expect(textAfter(base, shares.get(author)!)).toBe(withoutOwn(base, changes, author))
      // Nothing of its own comes back: its share applied to a bare base holds none of its text.
      expect(textAfter(base, shares.get(author)!)).not.toContain(`[${author}]`)
    }
  })

  it('sends nothing back to an author who wrote the whole batch', () => {
    const { changes } = batchOf(['ada', 'ada'])
    const plan = planRelay(changes)
    expect(plan.toAuthors).toEqual([])
    expect([...plan.authors]).toEqual(['ada'])
  })

  it('past a few authors, gives each the whole batch rather than one merge per author', () => {
    const many = Array.from({ length: MAX_TAILORED_AUTHORS + 1 }, (_, i) => `p${i}`)
    const { base, changes } = batchOf(many)
    const plan = planRelay(changes)
    expect(plan.toAuthors).toHaveLength(many.length)
    for (const { update } of plan.toAuthors) expect(update).toBe(plan.all)
    expect(textAfter(base, plan.all)).toBe(textAfter(base, ...changes.map((c) => c.update)))
  })
})
