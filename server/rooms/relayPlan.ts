import * as Y from 'yjs'

/** One change of a batch: the update a transaction produced, and the connection that sent it (null: the server). */
export interface BatchChange<P> {
  update: Uint8Array
  author: P | null
}

export interface RelayPlan<P> {
  /** Every change of the batch as one update: what is stored, and what every connection but the authors receives. */
  all: Uint8Array
  /** The connections that wrote part of the batch. */
  authors: ReadonlySet<P>
  /** What each author receives instead: the others' changes (an author that wrote the whole batch gets nothing). */
  toAuthors: ReadonlyArray<{ author: P; update: Uint8Array }>
}

/**
 * Past this many authors in one batch, each gets the whole batch, its own changes included (Yjs skips what a
 * document already has): one merge per author would grow with the square of the batch.
 */
export const MAX_TAILORED_AUTHORS = 8

/**
 * Plans the relay of a batch: one message per connection, whatever the number of changes. Under load a room drains
 * several clients' updates at once; relaying each to everyone cost a socket write per change per connection (most
 * of the server's time) and a transaction per change on every screen.
 */
export function planRelay<P>(changes: ReadonlyArray<BatchChange<P>>): RelayPlan<P> {
  const authors = new Set<P>()
  for (const { author } of changes) if (author !== null) authors.add(author)
  const only = changes.length === 1 ? changes[0] : undefined
  if (only) return { all: only.update, authors, toAuthors: [] }
  const all = Y.mergeUpdates(changes.map((change) => change.update))
  const tailored = authors.size <= MAX_TAILORED_AUTHORS
  const toAuthors = [...authors].flatMap((author) => {
    const others = tailored ? changes.filter((change) => change.author !== author) : changes
    if (others.length === 0) return []
    const update = others.length === changes.length ? all : mergeAll(others.map((change) => change.update))
    return [{ author, update }]
  })
  return { all, authors, toAuthors }
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates)
}
