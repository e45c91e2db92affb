import { readFileSync } from 'node:fs'

/** CPU time and memory of another process, read from /proc (Linux). */

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux this runs on. */
const CLOCK_TICKS = 100

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses: fields are counted from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

/** Resident memory in MB, or null when the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match?.[1] ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/** Samples a process's RSS every 100 ms and keeps the peak. */
export class RssSampler {
  peakMb = 0
  private readonly timer: NodeJS.Timeout

  constructor(private readonly pid: number) {
    this.sample()
    this.timer = setInterval(() => this.sample(), 100)
  }

  stop(): number {
    clearInterval(this.timer)
    this.sample()
    return this.peakMb
  }

  private sample(): void {
    const rss = rssMb(this.pid)
    if (rss !== null && rss > this.peakMb) this.peakMb = rss
  }
}

/** CPU seconds used by several processes between now (`started`: their totals then) and `stop()`. */
export function cpuMeter(pids: readonly number[]): { started: readonly number[]; stop(): number[] } {
  const started = pids.map(cpuSeconds)
  return { started, stop: () => pids.map((pid, i) => cpuSeconds(pid) - (started[i] ?? 0)) }
}

/** The CPU seconds `pid` has used at moments given in seconds from now (NaN where the process was gone). */
export function cpuReadings(pid: number, momentsS: readonly number[]): Promise<number[]> {
  const read = () => {
    try {
      return cpuSeconds(pid)
    } catch {
      return Number.NaN
    }
  }
  return Promise.all(
    momentsS.map((s) => new Promise<number>((resolve) => setTimeout(() => resolve(read()), s * 1000))),
  )
}
