import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { REPO_ROOT } from './servers'

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the share of time
 * spent under each file of the repository (inclusive), so a hot spot can be named precisely.
 * Usage: npx tsx scripts/bench/profileSummary.ts FILE.cpuprofile [TOP]
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
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
}
