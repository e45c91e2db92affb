import type { ChildProcess } from 'node:child_process'
import { spawnNode, superviseServer, type ServerProcess } from './server'

/**
 * Server processes for crash loops, each started while the previous one still runs: loading modules through tsx
 * takes about a second, so the next process waits with everything loaded and only opens the database and listens
 * when its turn comes. What runs is still server/index.ts, in a separate process, on the same port and data.
 */
export interface WarmRestarts {
  /** Starts the waiting process (the previous one must have exited) and prepares the next. */
  start(): Promise<ServerProcess>
  /** Kills the process still waiting. */
  close(): void
}

export function warmRestarts(
  options: { dataDir: string; port: number; env?: Record<string, string> },
  /** Processes kept waiting: two give each one a couple of restarts' time to load. */
  ahead = 2,
): WarmRestarts {
  const spawnWaiting = () => {
    const child = spawnNode('tests/helpers/warmServer.ts', options)
    child.on('error', () => {})
    return child
  }
  const waiting: ChildProcess[] = Array.from({ length: ahead }, spawnWaiting)
  return {
    async start() {
      const child = waiting.shift() ?? spawnWaiting()
      waiting.push(spawnWaiting())
      const startedAt = Date.now()
      child.stdin?.write('go\n')
      return superviseServer(child, options.port, startedAt)
    },
    close() {
      for (const child of waiting.splice(0)) child.kill('SIGKILL')
    },
  }
}
