import { readFileSync } from 'node:fs'

/**
 * Reads a Chromium trace of the remote typing (BENCH_BROWSER_TRACE=FILE): for each keystroke's "apply" measure,
 * the wall time of the task that held it and that task's thread (CPU) time. Where the two differ, the page's main
 * thread was waiting for a core, not working.
 */

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
}

export interface KeystrokeTask {
  apply_ms: number
  task_ms: number
  task_cpu_ms: number
}

export function keystrokeTasks(events: readonly TraceEvent[]): KeystrokeTask[] {
  const marks = events.filter((e) => e.name === 'apply' && (e.ph === 'b' || e.ph === 'e'))
  const begins = marks.filter((e) => e.ph === 'b').sort((a, b) => a.ts - b.ts)
  const ends = marks.filter((e) => e.ph === 'e').sort((a, b) => a.ts - b.ts)
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
  const found: KeystrokeTask[] = []
  begins.forEach((begin, i) => {
    const end = ends[i]
    if (!end) return
    const task = tasks.find(
      (t) => t.pid === begin.pid && t.tid === begin.tid && t.ts <= begin.ts && t.ts + (t.dur ?? 0) >= end.ts,
    )
    if (!task || task.tdur === undefined) return
    found.push({
      apply_ms: round((end.ts - begin.ts) / 1000),
      task_ms: round((task.dur ?? 0) / 1000),
      task_cpu_ms: round(task.tdur / 1000),
    })
  })
  return found
}

export function readKeystrokeTasks(file: string): KeystrokeTask[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  return keystrokeTasks(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []))
}

const round = (n: number) => Number(n.toFixed(2))
