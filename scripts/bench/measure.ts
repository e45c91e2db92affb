import { LoadSession } from './loadSession'
import type { BenchOptions, ServerName } from './options'
import { RssSampler, rssMb } from './procStats'
import { loupeHealth, startServer } from './servers'
import { lagP99Ms, readLag } from './serverLag'
import { toRow, type Row } from './stats'

/** The main measurement against one server: connect everyone, steady load plus vote burst, then watch it unload. */

export interface MemoryReport {
  server: ServerName
  /** RSS with every client connected, right after the load. */
  loaded_rss_mb: number | null
  /** RSS once every client left (and, for Loupe, every workshop unloaded). */
  idle_rss_mb: number | null
  /** Loupe: loaded workshops per /healthz once the clients left (0 expected); the reference keeps every room. */
  workshops_after: number | null
  unload_s: number | null
}

/** Each workshop votes within its own second; the seconds are spread over W/10 s (1 to 5 s). */
export const burstSeconds = (workshops: number) => Math.min(5, Math.max(1, Math.ceil(workshops / 10)))

export async function measureServer(
  name: ServerName,
  options: BenchOptions,
): Promise<{ row: Row; memory: MemoryReport }> {
  const server = await startServer(name, { profileDir: options.profileDir, loupeEntry: options.loupeEntry })
  const rss = new RssSampler(server.pid)
  try {
    const session = await LoadSession.open(server, {
      workshops: options.workshops,
      participants: options.participants,
      processes: options.loadProcesses,
    })
    let row: Row
    let loaded: number | null
    try {
      const lagBefore = name === 'loupe' ? await readLag(server.httpUrl) : null
      const step = await session.step({
        warmup: options.warmup,
        duration: options.duration,
        rate: options.rate,
        burstSeconds: burstSeconds(options.workshops),
      })
      const lag = lagBefore ? lagP99Ms(lagBefore, await readLag(server.httpUrl)) : null
      loaded = rssMb(server.pid)
      row = toRow(
        name,
        { ...options, connections: session.connections, setupSeconds: session.setupSeconds },
        step,
        rss.peakMb,
      )
      row.server_loop_lag_p99_ms = lag
    } finally {
      await session.close()
    }
    const memory = await afterClientsLeft(name, server, loaded)
    row.peak_rss_mb = Number(rss.stop().toFixed(1))
    return { row, memory }
  } finally {
    rss.stop()
    await server.stop()
  }
}

async function afterClientsLeft(
  name: ServerName,
  server: { pid: number; httpUrl: string },
  loaded: number | null,
): Promise<MemoryReport> {
  const left = performance.now()
  let workshops: number | null = null
  if (name === 'loupe') {
    const deadline = Date.now() + 30_000
    for (;;) {
      workshops = (await loupeHealth(server.httpUrl)).workshops
      if (workshops === 0 || Date.now() > deadline) break
      await new Promise((r) => setTimeout(r, 100))
    }
  } else {
    // Nothing to wait for: without persistence the reference never unloads a room.
    await new Promise((r) => setTimeout(r, 1000))
  }
  const unload = (performance.now() - left) / 1000
  // Give the collector a moment, as a quiet server would have.
  await new Promise((r) => setTimeout(r, 1000))
  return {
    server: name,
    loaded_rss_mb: loaded === null ? null : Number(loaded.toFixed(1)),
    idle_rss_mb: fixed(rssMb(server.pid)),
    workshops_after: workshops,
    unload_s: name === 'loupe' ? Number(unload.toFixed(2)) : null,
  }
}

const fixed = (n: number | null) => (n === null ? null : Number(n.toFixed(1)))
