import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Row } from '../../scripts/bench/stats'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

/** Runs `npm run bench -- --quick` for real: both servers, each in its own process, real clients. */
async function runQuickBench(jsonFile: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/run.ts', '--quick', '--json', jsonFile],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)))
  return { code, output }
}

describe('npm run bench --quick', () => {
  let dir: string
  let rows: Row[] = []
  let output = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loupe-bench-smoke-'))
    const file = join(dir, 'bench.json')
    const run = await runQuickBench(file)
    output = run.output
    expect(run.code, output).toBe(0)
    rows = (JSON.parse(await readFile(file, 'utf8')) as { rows: Row[] }).rows
  }, 60_000)
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('measures both servers under the same load', () => {
    expect(rows.map((r) => r.server)).toEqual(['loupe', 'reference'])
    for (const row of rows) {
      expect(row.workshops).toBe(2)
      expect(row.participants).toBe(3)
      expect(row.connections).toBe(6)
      expect(row.edits_sent).toBeGreaterThan(0)
      expect(row.updates_per_s).toBeGreaterThan(0)
      expect(row.cpu_s).toBeGreaterThanOrEqual(0)
      // The server's CPU was read at each phase's end; the steady edits are those of its 3 s alone: about 36
      // (2 workshops x 3 participants x 2 edits/s x 3 s, at random moments), fewer than the whole step's.
      for (const phase of [row.cpu_warmup_s, row.cpu_steady_s, row.cpu_burst_and_drain_s])
        expect(Number.isFinite(phase) && phase >= 0).toBe(true)
      expect(row.steady_edits).toBeGreaterThanOrEqual(12)
      expect(row.steady_edits).toBeLessThanOrEqual(Math.min(72, row.edits_sent - 1))
      expect(Number.isFinite(row.steady_cpu_ms_per_edit)).toBe(true)
      expect(row.peak_rss_mb).toBeGreaterThan(10)
      // The warm-up ran and was timed apart; the GC attribution ran over the measured part.
      expect(row.warmup_s).toBe(1)
      expect(Number.isFinite(row.warmup_p99_ms)).toBe(true)
      expect(row.slow_deliveries_during_load_gc).toBeLessThanOrEqual(row.slow_deliveries)
    }
  })

  it('delivers every edit to every other participant, with a measured latency', () => {
    for (const row of rows) {
      expect(row.deliveries_seen, row.server).toBe(row.deliveries_expected)
      expect(row.deliveries_expected).toBeGreaterThan(row.edits_sent)
      expect(row.p50_ms).toBeGreaterThan(0)
      expect(row.p99_ms).toBeGreaterThanOrEqual(row.p50_ms)
      expect(row.max_ms).toBeGreaterThanOrEqual(row.p99_ms)
      expect(row.close_codes).toEqual([])
      expect(row.votes_refused).toBe(0)
    }
  })

  it('prints the side-by-side table with the ratio row', () => {
    expect(output).toMatch(/^loupe\s+\d/m)
    expect(output).toMatch(/^reference\s+\d/m)
    expect(output).toMatch(/^loupe\/ref\s+\d/m)
  })
})
