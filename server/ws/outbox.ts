/** A connection with frames waiting to be written. */
export interface Flushable {
  flush(): void
  /** `flush` threw: the target gives up on itself (a connection drops its socket). */
  fail(error: unknown): void
}

/** Runs `task` once the microtasks of the current event (a socket read, a commit, a timer) have all run. */
export function afterMicrotasks(task: () => void): void {
  // A tick queued from a microtask runs once the microtask queue is empty, promise chains included.
  queueMicrotask(() => process.nextTick(task))
}

/**
 * Holds what connections are sent while the server handles one event, and writes each connection's share with one
 * system call once the event's work is done. A room relaying several changes at once (the writes of one commit), a
 * vote batch's answers and counts: each socket gets them in one write, and each client wakes up once for them.
 */
export class Outbox {
  private waiting: Flushable[] = []
  private scheduled = false

  constructor(private readonly schedule: (flush: () => void) => void = afterMicrotasks) {}

  /** `target` has frames to write; called once per event, with its first frame. */
  add(target: Flushable): void {
    this.waiting.push(target)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => this.flush())
  }

  flush(): void {
    const waiting = this.waiting
    this.waiting = []
    this.scheduled = false
    for (const target of waiting) {
      // One target's failure must reach neither the others waiting after it nor the process: this runs from a tick.
      try {
        target.flush()
      } catch (error) {
        target.fail(error)
      }
    }
  }
}
