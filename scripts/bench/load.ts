import { openVoteRounds } from './ballots'
import { Driver } from './driver'
import { startProfiling } from './selfProfile'
import type { MainSetup, ToBench, ToLoad } from './protocol'
import { runVoteBurst } from './voteBurst'
import { setUpWorkshops, type BenchWorkshop } from './workshops'

/**
 * A load-generator process, forked by run.ts: connects its share of the participants, then runs the steps the
 * bench asks for and reports what it measured. Several may run at once; each holds whole workshops.
 */

let workshops: BenchWorkshop[] = []
let driver: Driver | null = null

// 1,500 providers each listen for the process's exit.
process.setMaxListeners(0)

function send(message: ToBench): void {
  process.send?.(message)
}

async function setUpMain(setup: MainSetup): Promise<void> {
  const started = performance.now()
  const numbers = Array.from({ length: setup.workshops }, (_, i) => setup.firstWorkshop + i)
  workshops = await setUpWorkshops(setup.server, setup, numbers, setup.participants)
  const channels = setup.server === 'loupe' ? await openVoteRounds(workshops, setup.wsUrl) : null
  driver = new Driver(workshops, setup.participants, 20_251_125 + setup.firstWorkshop, channels)
  const connections = workshops.reduce((n, w) => n + w.seats.length, 0)
  send({ type: 'ready', connections, setupSeconds: (performance.now() - started) / 1000 })
}

function close(): void {
  driver?.stop()
  for (const workshop of workshops) for (const seat of workshop.seats) seat.client.destroy()
  workshops = []
  send({ type: 'closed' })
  // Let the close frames go out before exiting.
  setTimeout(() => process.exit(0), 500)
}

async function handle(message: ToLoad): Promise<void> {
  switch (message.type) {
    case 'setup':
      if (message.setup.kind === 'main') return setUpMain(message.setup)
      return send({ type: 'voteBurstDone', result: await runVoteBurst(message.setup) })
    case 'step': {
      if (!driver) throw new Error('step before setup')
      const profiling = await startProfiling()
      const result = await driver.run(message.step)
      await profiling?.stop()
      return send({ type: 'stepDone', result })
    }
    case 'close':
      return close()
  }
}

process.on('message', (message: ToLoad) => {
  handle(message).catch((error: unknown) => {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  })
})
process.on('disconnect', () => process.exit(0))
