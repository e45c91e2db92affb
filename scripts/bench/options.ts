/** Command-line options of `npm run bench`. */

export type ServerName = 'loupe' | 'reference'
export const SERVER_NAMES: readonly ServerName[] = ['loupe', 'reference']

export interface BenchOptions {
  workshops: number
  participants: number
  /** Seconds of the same load before the measured part (see Step.warmup). */
  warmup: number
  /** Seconds of steady load, before the vote burst. */
  duration: number
  /** Edits per second per participant, on average (typing comes in bursts, like people type). */
  rate: number
  servers: ServerName[]
  json: string | null
  quick: boolean
  capacity: boolean
  /** Capacity searches per server, the servers' order reversed every other run (see capacityOrder). */
  capacityRuns: number
  /** Load-generator processes; workshops are split between them, each workshop whole in one. */
  loadProcesses: number
  /** Records a V8 CPU profile of each server during the main load, into this folder. */
  profileDir: string | null
  /** Another entry point for the Loupe server (default: its build, dist/server/index.js); a .ts file runs through tsx. */
  loupeEntry: string
  /** Sections besides the side-by-side load: growth, memory, vote burst, bundle. */
  sections: boolean
  /** Runs of the side-by-side load, the servers taking turns; the table shows each figure's median. */
  trials: number
}

const DEFAULTS: BenchOptions = {
  workshops: 50,
  participants: 30,
  warmup: 3,
  duration: 12,
  rate: 0.1,
  servers: [...SERVER_NAMES],
  json: null,
  quick: false,
  capacity: false,
  capacityRuns: 1,
  loadProcesses: 4,
  profileDir: null,
  loupeEntry: 'dist/server/index.js',
  sections: true,
  trials: 1,
}

const QUICK: Partial<BenchOptions> = {
  workshops: 2,
  participants: 3,
  warmup: 1,
  duration: 3,
  rate: 2,
  loadProcesses: 1,
  sections: false,
}

const USAGE = `Usage: npm run bench -- [options]
  --workshops W       workshops (default 50)
  --participants P    participants per workshop (default 30)
  --warmup S          seconds of load before the measured part, reported apart (default 3)
  --duration S        seconds of steady load (default 12)
  --rate R            edits per second per participant (default 0.1: about 3 edits/s per workshop of 30)
  --servers LIST      loupe,reference (default both)
  --load-processes N  load-generator processes (default 4: fewer clients each, shorter pauses)
  --json FILE         also write the results as JSON
  --quick             W=2 P=3 S=3 R=2 warm-up 1 s, one load process, main table only (a smoke run)
  --trials N          run the side-by-side load N times, the servers taking turns; medians (default 1)
  --capacity          also raise the rate step by step until p99 > 50 ms
  --capacity-runs N   search the capacity N times per server (implies --capacity), the order reversed each run
  --profile DIR       write a CPU profile of each server under load into DIR
  --loupe-entry FILE  start Loupe from FILE instead of its build dist/server/index.js (.ts runs through tsx)
  --no-sections       main table only
Environment: BENCH_BROWSER_TRACE=FILE records a Chromium trace of the remote typing and tells, for the slowest
keystroke, how much of its task the page spent working and how much waiting for a core.`

/** The command line asked for the usage (`asked`) or could not be read: the usage is the whole answer. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly asked = false,
  ) {
    super(message)
  }
}

/** Parses argv (without node and script); throws a UsageError with the usage text on anything unknown. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const given: Partial<BenchOptions> = {}
  const number = (flag: string, raw: string | undefined, min: number): number => {
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min)
      throw new UsageError(`${flag} needs a number >= ${min}\n${USAGE}`)
    return value
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const next = () => argv[++i]
    switch (flag) {
      case '--workshops':
        given.workshops = Math.floor(number(flag, next(), 1))
        break
      case '--participants':
        given.participants = Math.floor(number(flag, next(), 2))
        break
      case '--duration':
        given.duration = number(flag, next(), 1)
        break
      case '--warmup':
        given.warmup = number(flag, next(), 0)
        break
      case '--rate':
        given.rate = number(flag, next(), 0.01)
        break
      case '--trials':
        given.trials = Math.floor(number(flag, next(), 1))
        break
      case '--load-processes':
        given.loadProcesses = Math.floor(number(flag, next(), 1))
        break
      case '--servers':
        given.servers = parseServers(next())
        break
      case '--json':
        given.json = requireValue(flag, next())
        break
      case '--profile':
        given.profileDir = requireValue(flag, next())
        break
      case '--loupe-entry':
        given.loupeEntry = requireValue(flag, next())
        break
      case '--quick':
        given.quick = true
        break
      case '--capacity':
        given.capacity = true
        break
      case '--capacity-runs':
        given.capacityRuns = Math.floor(number(flag, next(), 1))
        given.capacity = true
        break
      case '--no-sections':
        given.sections = false
        break
      case '--help':
        throw new UsageError(USAGE, true)
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`)
    }
  }
  // Explicit numbers win over --quick's.
  return { ...DEFAULTS, ...(given.quick ? QUICK : {}), ...given }
}

function requireValue(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`)
  return value
}

function parseServers(raw: string | undefined): ServerName[] {
  const names = (raw ?? '').split(',').filter(Boolean)
  if (
    names.length === 0 ||
    !names.every((n): n is ServerName => (SERVER_NAMES as readonly string[]).includes(n))
  ) {
    throw new UsageError(`--servers takes a list of ${SERVER_NAMES.join(', ')}\n${USAGE}`)
  }
  return [...new Set(names)]
}
