import type Database from 'better-sqlite3'
import type { DocStore, StoredDoc } from './types'

type Write =
  | { kind: 'append'; workshopId: string; updates: readonly Uint8Array[] }
  | { kind: 'replace'; workshopId: string; snapshot: Uint8Array; uptoSeq: number }

interface PendingWrite {
  write: Write
  resolve: (seq: number) => void
  reject: (error: unknown) => void
}

/**
 * Yjs updates on SQLite. Writes requested in the same synchronous run share one transaction, and each promise
 * settles only after that transaction committed, so callers can relay once their data is on disk.
 *
 * The first commit of an event-loop turn runs in a microtask: a room relays what it received right after the socket
 * read that brought it. Writes asked for later in the same turn wait for the turn's end (setImmediate) and share
 * one commit: under load, one I/O phase reads many sockets, and a commit per socket read was the writer's main cost.
 */
export class SqliteDocStore implements DocStore {
  private pending: PendingWrite[] = []
  private flushScheduled = false
  /** A microtask commit ran in this turn; cleared when the turn reaches its immediates. */
  private committedThisTurn = false
  private readonly insert
  private readonly selectAll
  private readonly deleteUpTo
  private readonly countRows
  private readonly commit

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare<[string, string, Uint8Array], { seq: number }>(
      `INSERT INTO doc_updates (workshop_id, seq, data)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM doc_updates WHERE workshop_id = ?), ?)
       RETURNING seq`,
    )
    this.selectAll = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE workshop_id = ? ORDER BY seq',
    )
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE workshop_id = ? AND seq <= ?')
    this.countRows = db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM doc_updates WHERE workshop_id = ?',
    )
    this.commit = db.transaction((writes: readonly Write[]) => writes.map((write) => this.run(write)))
  }

  async load(workshopId: string): Promise<StoredDoc> {
    // A load must see every write requested before it.
    this.flush()
    const rows = this.selectAll.all(workshopId)
    const last = rows[rows.length - 1]
    return { updates: rows.map((row) => new Uint8Array(row.data)), lastSeq: last ? last.seq : 0 }
  }

  append(workshopId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.enqueue({ kind: 'append', workshopId, updates })
  }

  replace(workshopId: string, snapshot: Uint8Array, uptoSeq: number): Promise<number> {
    return this.enqueue({ kind: 'replace', workshopId, snapshot, uptoSeq })
  }

  async count(workshopId: string): Promise<number> {
    this.flush()
    return this.countRows.get(workshopId)?.n ?? 0
  }

  /** Commits everything pending now, in request order. */
  flush(): void {
    const batch = this.pending
    this.pending = []
    this.flushScheduled = false
    if (batch.length === 0) return
    let seqs: number[]
    try {
      seqs = this.commit(batch.map((p) => p.write))
    } catch (error) {
      for (const p of batch) p.reject(error)
      return
    }
    batch.forEach((p, i) => p.resolve(seqs[i] ?? 0))
  }

  private flushNow(): void {
    this.flush()
    if (this.committedThisTurn) return
    this.committedThisTurn = true
    setImmediate(() => {
      this.committedThisTurn = false
    })
  }

  private enqueue(write: Write): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject })
      if (this.flushScheduled) return
      this.flushScheduled = true
      if (this.committedThisTurn) setImmediate(() => this.flush())
      else queueMicrotask(() => this.flushNow())
    })
  }

  private run(write: Write): number {
    const { workshopId } = write
    const updates = write.kind === 'append' ? write.updates : [write.snapshot]
    let seq = 0
    for (const update of updates) seq = this.insert.get(workshopId, workshopId, update)?.seq ?? seq
    // After the snapshot's insert, so that its seq follows every seq the workshop ever had; never the snapshot.
    if (write.kind === 'replace') this.deleteUpTo.run(workshopId, Math.min(write.uptoSeq, seq - 1))
    return seq
  }
}
