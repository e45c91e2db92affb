import { describe, expect, it } from 'vitest'
import { CommandQueue } from '../../server/commands/queue'

/** A queue whose batches are recorded, each item answered with its own text. */
function recordingQueue() {
  const log: string[] = []
  const queue = new CommandQueue<string, string>(async (items) => {
    log.push(`batch(${items.join(',')})`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    return items.map((item) => `ok ${item}`)
  })
  const single = (name: string) =>
    queue.run(async () => {
      log.push(name)
      await new Promise((resolve) => setTimeout(resolve, 5))
      return `done ${name}`
    })
  return { log, queue, single }
}

describe('the command queue of a room', () => {
  it('runs votes that arrive together as one batch and answers each in order', async () => {
    const { log, queue } = recordingQueue()
    const answers = await Promise.all(['a', 'b', 'c'].map((v) => queue.batched(v)))
    expect(answers).toEqual(['ok a', 'ok b', 'ok c'])
    expect(log).toEqual(['batch(a,b,c)'])
  })

  it('never moves a vote across another command: arrival order is kept', async () => {
    const { log, queue, single } = recordingQueue()
    const answers = await Promise.all([
      queue.batched('a'),
      single('close'),
      queue.batched('b'),
      queue.batched('c'),
      single('reveal'),
    ])
    expect(answers).toEqual(['ok a', 'done close', 'ok b', 'ok c', 'done reveal'])
    expect(log).toEqual(['batch(a)', 'close', 'batch(b,c)', 'reveal'])
  })

  it('groups the votes that arrive while a batch is running into the next one', async () => {
    const { log, queue } = recordingQueue()
    const first = queue.batched('a')
    await new Promise((resolve) => setTimeout(resolve, 1))
    const later = [queue.batched('b'), queue.batched('c')]
    await Promise.all([first, ...later])
    expect(log).toEqual(['batch(a)', 'batch(b,c)'])
  })

  it('rejects every job of a failed batch, and goes on with the next ones', async () => {
    let fail = true
    const queue = new CommandQueue<string, string>(async (items) => {
      if (fail) {
        fail = false
        throw new Error('disk full')
      }
      return items.map((item) => `ok ${item}`)
    })
    const failed = [queue.batched('a'), queue.batched('b')]
    const after = queue.run(() => 'still running')
    const outcomes = await Promise.allSettled(failed)
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    await expect(after).resolves.toBe('still running')
    await expect(queue.batched('c')).resolves.toBe('ok c')
  })
})
