import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { REPO_ROOT } from './servers'

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, the share of time spent
 * under each file of the repository (inclusive), so a hot spot can be named precisely, and the longest stretches
 * without an idle sample (a stall, and whether the process was computing or waiting for a CPU).
 * Usage: npx tsx scripts/bench/profileSummary.ts FILE.cpuprofile [TOP]
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  startTime: number
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface HotSpot {
  name: string
  where: string
  /** Share of all samples, in percent. */
  share: number
}

const place = (frame: ProfileNode['callFrame']) => {
  const url = frame.url.replace(/^file:\/\//, '')
  const short = url.includes('/node_modules/')
    ? url.slice(url.lastIndexOf('/node_modules/') + 14)
    : url.startsWith('/')
      ? relative(REPO_ROOT, url)
      : url
  return short ? `${short}:${frame.lineNumber + 1}` : '(native)'
}

export function summarise(profile: Profile, top = 25): { self: HotSpot[]; byFile: HotSpot[]; idle: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const selfTime = new Map<number, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt)
    total += dt
  })
  const self = new Map<string, { name: string; where: string; time: number }>()
  const files = new Map<string, number>()
  let idle = 0
  for (const [id, time] of selfTime) {
    const node = byId.get(id)
    if (!node) continue
    const name = node.callFrame.functionName || '(anonymous)'
    if (name === '(idle)') idle += time
    const where = place(node.callFrame)
    const key = `${name} ${where}`
    const entry = self.get(key) ?? { name, where, time: 0 }
    entry.time += time
    self.set(key, entry)
    // Inclusive time per file: each file on the stack once.
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame
      const file = frame?.url ? place({ ...frame, lineNumber: -1 }).replace(/:0$/, '') : null
      if (file && !seen.has(file)) {
        seen.add(file)
        files.set(file, (files.get(file) ?? 0) + time)
      }
    }
  }
  const pct = (t: number) => Number(((100 * t) / Math.max(1, total)).toFixed(1))
  return {
    self: [...self.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, share: pct(e.time) })),
    byFile: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, t]) => ({ name: '', where, share: pct(t) })),
    idle: pct(idle),
  }
}

export interface LongTask {
  /** Wall-clock length and start (from the profile's start), ms. */
  ms: number
  atMs: number
  /** Samples taken in it: far fewer than its milliseconds means the process was waiting for a CPU. */
  samples: number
  /** The functions most often on the stack during it, with their share of its samples. */
  stacks: HotSpot[]
}

/** The longest stretches without an idle sample: what held the event loop, and for how long. */
export function longTasks(profile: Profile, count = 5, top = 8): LongTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const tasks: Array<{ start: number; end: number; ids: number[] }> = []
  let current: { start: number; end: number; ids: number[] } | null = null
  let time = profile.startTime
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0
    if (byId.get(id)?.callFrame.functionName === '(idle)') {
      if (current) tasks.push(current)
      current = null
      return
    }
    current ??= { start: time, end: time, ids: [] }
    current.end = time
    current.ids.push(id)
  })
  if (current) tasks.push(current)
  return tasks
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, count)
    .map((task) => {
      const onStack = new Map<string, { name: string; where: string; n: number }>()
      for (const id of task.ids) {
        const seen = new Set<string>()
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const frame = byId.get(cur)?.callFrame
          if (!frame || frame.functionName === '(root)') continue
          const name = frame.functionName || '(anonymous)'
          const where = place(frame)
          const key = `${name} ${where}`
          if (seen.has(key)) continue
          seen.add(key)
          const entry = onStack.get(key) ?? { name, where, n: 0 }
          entry.n++
          onStack.set(key, entry)
        }
      }
      return {
        ms: Number(((task.end - task.start) / 1000).toFixed(1)),
        atMs: Number(((task.start - profile.startTime) / 1000).toFixed(0)),
        samples: task.ids.length,
        stacks: [...onStack.values()]
          .sort((a, b) => b.n - a.n)
          .slice(0, top)
          .map((e) => ({
            name: e.name,
            where: e.where,
            share: Number(((100 * e.n) / task.ids.length).toFixed(0)),
          })),
      }
    })
}

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: profileSummary.ts FILE.cpuprofile [TOP]')
  const { self, byFile, idle } = summarise(
    JSON.parse(readFileSync(file, 'utf8')) as Profile,
    Number(process.argv[3] ?? 25),
  )
  process.stdout.write(`idle ${idle}% of samples\n\nself time:\n`)
  for (const h of self) process.stdout.write(`${h.share.toFixed(1).padStart(5)}%  ${h.name}  ${h.where}\n`)
  process.stdout.write('\ninclusive time by file:\n')
  for (const h of byFile) process.stdout.write(`${h.share.toFixed(1).padStart(5)}%  ${h.where}\n`)
  process.stdout.write('\nlongest stretches without idle (what held the event loop):\n')
  for (const task of longTasks(JSON.parse(readFileSync(file, 'utf8')) as Profile)) {
    process.stdout.write(`${task.ms} ms at ${task.atMs} ms, ${task.samples} samples\n`)
    for (const h of task.stacks)
      process.stdout.write(`  ${String(h.share).padStart(3)}%  ${h.name}  ${h.where}\n`)
  }
}
