/** Structured logs: one JSON line per event on stderr, so an operator can grep and a collector can parse. */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

// Credentials must never reach a log line, whatever a caller passes in.
const SECRET_FIELDS = new Set(['token', 'facilitatorKey', 'key', 'authorization', 'password'])

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value)
}

/** A logger writing lines at `level` and above to `write` (stderr by default). */
export function createLogger(level: LogLevel = 'warn', write: (line: string) => void = writeStderr): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return
    const line: LogFields = { t: new Date().toISOString(), level: at, event }
    for (const [name, value] of Object.entries(fields)) {
      line[name] = SECRET_FIELDS.has(name) ? '[redacted]' : describe(value)
    }
    write(JSON.stringify(line))
  }
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  }
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  return value
}

function writeStderr(line: string): void {
  process.stderr.write(line + '\n')
}
