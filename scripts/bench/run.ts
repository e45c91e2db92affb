import { writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { measureBrowser, type BrowserReport } from './browser'
import { bundleSize, type BundleReport } from './bundle'
import {
  capacity,
  capacityOrder,
  GROWTH,
  P99_LIMIT_MS,
  summariseCapacity,
  type CapacityReport,
} from './capacity'
import { growth, type GrowthReport } from './growth'
import { voteBurst } from './loadSession'
import { burstSeconds, measureServer, type MemoryReport } from './measure'
import { parseOptions, UsageError, type BenchOptions, type ServerName } from './options'
import type { VoteBurstResult } from './protocol'
import { deliveryLines, mainTable, ratio, table } from './report'
import { ensureLoupeBuild, LOUPE_BUILD, startServer } from './servers'
import type { Row } from './stats'
import { compareTrials, medianRow, trialsTable } from './trials'

/**
 * `npm run bench`: the same load against Loupe's server and the reference y-websocket server, each in its own
 * process, driven by separate load-generator processes on loopback. Prints a table per section.
 */

const VOTE_BURST = { participants: 200, votesEach: 3 }

interface Results {
  options: BenchOptions
  /** One row per server; with --trials N, the medians of its trials. */
  rows: Row[]
  /** With --trials N: every trial's row, in the order they ran (servers take turns). */
  trials: Row[]
  ratios: Record<string, number> | null
  memory: MemoryReport[]
  voteBurst: Array<{ server: ServerName } & VoteBurstResult>
  growth: GrowthReport | null
  bundle: BundleReport
  browser: BrowserReport | null
  capacity: CapacityReport[]
}

const say = (line = '') => process.stdout.write(line + '\n')

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const nofile = Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim())
  const sockets = options.workshops * options.participants
  if (Number.isFinite(nofile) && nofile < sockets + 200) {
    throw new Error(
      `ulimit -n is ${nofile}: ${sockets} connections need more; raise it (ulimit -n 65536) and retry`,
    )
  }
  say(
    `Loupe bench: ${options.workshops} workshops x ${options.participants} participants, ${options.rate} edits/s each, ` +
      `${options.warmup} s of warm-up, ${options.duration} s, then a ${burstSeconds(options.workshops)} s vote burst; ${options.loadProcesses} load process(es); servers: ${options.servers.join(', ')}`,
  )
  const started = performance.now()
  if (options.servers.includes('loupe') && options.loupeEntry === LOUPE_BUILD) ensureLoupeBuild()
  const results: Results = {
    options,
    rows: [],
    trials: [],
    ratios: null,
    memory: [],
    voteBurst: [],
    growth: null,
    bundle: bundleSize(),
    browser: null,
    capacity: [],
  }

  const byServer = new Map<ServerName, Row[]>(options.servers.map((name) => [name, []]))
  for (let trial = 1; trial <= options.trials; trial++) {
    const last = trial === options.trials
    for (const name of options.servers) {
      if (options.trials > 1) say(`trial ${trial} of ${options.trials}: ${name}…`)
      const { row, memory } = await measureServer(name, options)
      byServer.get(name)?.push(row)
      results.trials.push(row)
      // Memory is reported once, from the last trial.
      if (last) results.memory.push(memory)
    }
  }
  results.rows = [...byServer.values()].map((rows) =>
    rows.length === 1 ? (rows[0] as Row) : medianRow(rows),
  )
  if (options.trials > 1) {
    say(`\n== ${options.trials} trials, the servers taking turns ==`)
    say(trialsTable(results.trials, options.servers.length))
    const lower = compareTrials(byServer, (r) => r.p99_ms)
    if (lower)
      say(`Loupe's steady p99 was below the reference's in ${lower.loupeLower} of ${lower.trials} trials.`)
    const cheaper = compareTrials(byServer, (r) => r.steady_cpu_ms_per_edit)
    if (cheaper)
      say(
        `Loupe's steady CPU per edit was below the reference's in ${cheaper.loupeLower} of ${cheaper.trials} trials.`,
      )
  }
  say(
    `\n== Edit-to-screen latency under load (keystrokes, moves and votes; same load on both${options.trials > 1 ? `; medians of ${options.trials} trials` : ''}) ==`,
  )
  say(
    'p50..max: the steady load (edits sent before the vote burst); "p99 w/ burst": every edit, burst included;\n' +
      '"1st screen p99": steady keystrokes to the first other participant who shows them (the server\'s path; the\n' +
      'others also wait for the receivers before them, which share their load process)',
  )
  say(mainTable(results.rows))
  say(deliveryLines(results.rows))
  for (const r of results.rows)
    say(`Votes on ${r.server}: ${r.votes_are}${r.votes_refused ? ` (${r.votes_refused} refused)` : ''}`)
  results.ratios = ratiosOf(results.rows)

  say('\n== Memory: RSS with everyone connected, then once everyone left ==')
  say(
    table(
      ['server', 'peak MB', 'loaded MB', 'idle MB', 'workshops after', 'unload s'],
      results.memory.map((m) => {
        const peak = results.rows.find((r) => r.server === m.server)?.peak_rss_mb ?? null
        return [m.server, peak, m.loaded_rss_mb, m.idle_rss_mb, m.workshops_after, m.unload_s]
      }),
    ),
  )

  say('\n== Client bundle (initial script and its static imports, gzip) ==')
  say(
    results.bundle.built
      ? table(
          ['file', 'bytes', 'gzip bytes'],
          [
            ...results.bundle.files.map((f) => [f.file, f.bytes, f.gzip]),
            ['total', results.bundle.total_bytes, results.bundle.total_gzip],
          ],
        )
      : 'build first (npm run build): dist/client/index.html is missing',
  )

  // The browser before the vote burst and growth sections: those leave this process with a large heap to collect,
  // which would weigh on the page's timings.
  if (options.sections) {
    say('\n== The web app in headless Chromium: a board of 500 cards, on loopback ==')
    const b = (results.browser = await measureBrowser())
    say(
      b.measured
        ? table(
            ['measure', 'ms'],
            [
              ['join link opened -> form ready', b.join.join_page_ms],
              ['"Entrer" pressed -> board on screen (add button, first cards)', b.join.board_shown_ms],
              ['"Entrer" pressed -> all 500 cards in the page', b.join.all_cards_ms],
              [
                'longest task once the board is on screen (0: none of 50 ms)',
                b.join.longest_task_after_shown_ms,
              ],
              [
                '"Entrer" pressed -> board interactive (on screen, no long task after)',
                b.join.join_to_board_ms,
              ],
              ['first join, typing excluded', b.first_join_ms],
              ['first join to a new workshop (empty boards)', b.new_workshop_join_ms],
              [`remote keystroke applied (handler + microtasks), p50 of ${b.keystrokes}`, b.apply_p50_ms],
              ['remote keystroke applied (handler + microtasks), max', b.apply_max_ms],
              ['remote keystroke -> next task (a frame in between counts), p50', b.next_task_p50_ms],
              ['remote keystroke -> next task (a frame in between counts), max', b.next_task_max_ms],
              ...(b.slowest_traced
                ? [
                    [
                      'slowest keystroke traced: its task, wall / CPU (the rest waits for a core)',
                      `${b.slowest_traced.task_ms} / ${b.slowest_traced.task_cpu_ms}`,
                    ],
                  ]
                : []),
            ],
          )
        : `not measured: ${b.reason}`,
    )
  }

  if (options.sections) {
    say(
      `\n== Vote burst: ${VOTE_BURST.participants} participants in one workshop cast ${VOTE_BURST.votesEach} votes each within 1 s ==`,
    )
    for (const name of options.servers) {
      const server = await startServer(name, { loupeEntry: options.loupeEntry })
      try {
        results.voteBurst.push({
          server: name,
          ...(await voteBurst(server, VOTE_BURST.participants, VOTE_BURST.votesEach)),
        })
      } finally {
        await server.stop()
      }
    }
    for (const v of results.voteBurst) {
      say(
        v.measured
          ? `${v.server}: ${v.votes} votes; last vote -> every client shows the tally: ${v.lastVoteToTallyMs.toFixed(1)} ms ` +
              `(first vote -> tally ${v.firstVoteToTallyMs.toFixed(0)} ms) [${v.how}]`
          : `${v.server}: not measured: ${v.reason}`,
      )
    }

    say("\n== Growth: a long workshop stored through Loupe's SqliteDocStore ==")
    results.growth = await growth()
    say(
      table(
        ['edits', 'log rows', 'log KB', 'log load ms', 'snapshot KB', 'snapshot load ms'],
        results.growth.checkpoints.map((c) => [
          c.edits,
          c.rows,
          c.log_kb,
          c.log_load_ms,
          c.snapshot_kb,
          c.snapshot_load_ms,
        ]),
      ),
    )
    say(results.growth.note)
  }

  if (options.capacity) {
    say(
      `\n== Capacity: edit rate raised by ${GROWTH}x per step until p99 > ${P99_LIMIT_MS} ms, then the gap halved twice ==`,
    )
    const order = capacityOrder(options.servers, options.capacityRuns)
    for (const [i, servers] of order.entries()) {
      if (order.length > 1) say(`capacity run ${i + 1} of ${order.length}: ${servers.join(', ')}`)
      for (const name of servers) results.capacity.push(await capacity(name, options, say, i + 1))
    }
    say(
      table(
        [
          'server',
          'run',
          'sustained edits/s',
          'per participant /s',
          'p99 at that rate',
          'first failing rate /s',
        ],
        results.capacity.map((c) => [
          c.server,
          c.run,
          c.sustained_updates_per_s,
          c.sustained_rate,
          c.p99_at_sustained_ms,
          c.failed_rate,
        ]),
      ),
    )
    const { medians, loupe, noisy } = summariseCapacity(results.capacity)
    if (order.length > 1) {
      for (const m of medians)
        say(`${m.server}: median sustained rate ${m.sustained_rate}/s/participant over ${m.runs} runs`)
      if (loupe)
        say(
          `Loupe sustained more than the reference in ${loupe.above} of ${order.length} runs, as much in ${loupe.equal}, less in ${loupe.below}.`,
        )
    }
    if (noisy)
      say(
        `At the starting rate p99 was already ${medians.map((m) => `${m.starting_p99_ms} ms (${m.server})`).join(' and ')}: ` +
          `this machine's own stalls take most of the ${P99_LIMIT_MS} ms, so these searches tell more about the machine than about ` +
          `the servers. Judge capacity on a quieter machine.`,
      )
  }

  if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2) + '\n')
  say(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
}

function ratiosOf(rows: readonly Row[]): Record<string, number> | null {
  const loupe = rows.find((r) => r.server === 'loupe')
  const reference = rows.find((r) => r.server === 'reference')
  if (!loupe || !reference) return null
  const keys = [
    'p50_ms',
    'p95_ms',
    'p99_ms',
    'max_ms',
    'with_burst_p99_ms',
    'updates_per_s',
    'peak_rss_mb',
    'cpu_s',
    'bytes_out_per_edit',
  ] as const
  return Object.fromEntries(keys.map((k) => [k, ratio(loupe[k], reference[k])]))
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      ;(error.asked ? process.stdout : process.stderr).write(`${error.message}\n`)
      process.exit(error.asked ? 0 : 2)
    }
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
