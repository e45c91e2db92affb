/**
 * Run as a process of its own by `warmRestarts`: loads every module of the server ahead of time, then runs the real
 * entry point (server/index.ts, with its environment and signal handling) as soon as a line arrives on stdin.
 */
await import('../../server/app')

process.stdin.once('data', () => {
  process.stdin.pause()
  void import('../../server/index')
})

export {}
