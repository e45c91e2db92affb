/**
 * A room's commands, run one after another in arrival order so that a check and the write it allows are never
 * interleaved with another command. Votes that queue up back to back run as one batch: checked one by one in order,
 * then stored and counted once (their voter count joins those of the next 100 ms), which keeps a room's whole vote
 * burst to a few writes.
 */

/** A job's answer, or null when there is nobody left to answer (the sender left meanwhile). */
type Answer<T> = T | null

interface Settle<T> {
  resolve: (answer: Answer<T>) => void
  reject: (error: unknown) => void
}

type Job<T, V> =
  | ({ kind: 'single'; run: () => Promise<Answer<T>> | Answer<T> } & Settle<T>)
  | ({ kind: 'batched'; item: V } & Settle<T>)

export class CommandQueue<T, V> {
  private jobs: Array<Job<T, V>> = []
  private scheduled = false

  /** `runBatch` answers each item of a run of batched jobs, in order. */
  constructor(private readonly runBatch: (items: readonly V[]) => Promise<ReadonlyArray<Answer<T>>>) {}

  run(run: () => Promise<Answer<T>> | Answer<T>): Promise<Answer<T>> {
    return new Promise((resolve, reject) => this.push({ kind: 'single', run, resolve, reject }))
  }

  batched(item: V): Promise<Answer<T>> {
    return new Promise((resolve, reject) => this.push({ kind: 'batched', item, resolve, reject }))
  }

  private push(job: Job<T, V>): void {
    this.jobs.push(job)
    if (this.scheduled) return
    this.scheduled = true
    // setImmediate rather than a microtask: commands read from many sockets in one I/O phase share one batch.
    setImmediate(() => void this.drain())
  }

  private async drain(): Promise<void> {
    while (this.jobs.length > 0) {
      const head = this.jobs[0]
      if (head?.kind === 'single') {
        this.jobs.shift()
        await settle([head], async () => [await head.run()])
        continue
      }
      let end = 1
      while (this.jobs[end]?.kind === 'batched') end++
      const batch = this.jobs.splice(0, end) as Array<Extract<Job<T, V>, { kind: 'batched' }>>
      await settle(batch, () => this.runBatch(batch.map((job) => job.item)))
    }
    this.scheduled = false
  }
}

async function settle<T>(
  jobs: ReadonlyArray<Settle<T>>,
  work: () => Promise<ReadonlyArray<Answer<T>>>,
): Promise<void> {
  try {
    const answers = await work()
    jobs.forEach((job, i) => job.resolve(answers[i] ?? null))
  } catch (error) {
    for (const job of jobs) job.reject(error)
  }
}
