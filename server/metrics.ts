/**
 * What the server counts for an operator, exposed at GET /metrics in the Prometheus text format. Every count is a
 * field or a small labelled map bumped in O(1); the text is only built when someone scrapes.
 */

/** Upper bounds, in seconds, of the storage latency histogram's buckets. */
const PERSIST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5] as const
/** Upper bounds, in seconds, of the event-loop lag histogram's buckets. */
const LAG_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] as const
/**
 * How often the event loop's lag is sampled: 20 samples a second still give a p99 over a few seconds, and a long task
 * is caught whenever it runs (the next sample comes late). Every 10 ms, the timer alone kept an idle server at about
 * 1 % of a core; at 50 ms, 0.5 % for the whole idle server.
 */
const LAG_SAMPLE_MS = 50

class Labelled {
  private readonly values = new Map<string, number>()

  inc(label: string, by = 1): void {
    this.values.set(label, (this.values.get(label) ?? 0) + by)
  }

  get(label: string): number {
    return this.values.get(label) ?? 0
  }

  entries(): Iterable<[string, number]> {
    return this.values.entries()
  }
}

class Histogram {
  readonly counts: number[]
  count = 0
  sum = 0

  constructor(readonly buckets: readonly number[]) {
    this.counts = buckets.map(() => 0)
  }

  observe(seconds: number): void {
    this.count++
    this.sum += seconds
    const bucket = this.buckets.findIndex((bound) => seconds <= bound)
    if (bucket >= 0) this.counts[bucket] = (this.counts[bucket] ?? 0) + 1
  }

  /** Prometheus lines: cumulative buckets, sum and count. */
  render(name: string, help: string): string[] {
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`]
    let cumulative = 0
    this.buckets.forEach((bound, i) => {
      cumulative += this.counts[i] ?? 0
      lines.push(`${name}_bucket{le="${bound}"} ${cumulative}`)
    })
    lines.push(
      `${name}_bucket{le="+Inf"} ${this.count}`,
      `${name}_sum ${this.sum}`,
      `${name}_count ${this.count}`,
    )
    return lines
  }
}

/** Live numbers read at scrape time rather than counted, and the limits in force. */
export interface Gauges {
  connections: number
  workshopsLoaded: number
  limits: Readonly<Record<string, number>>
}

export class Metrics {
  messagesIn = 0
  bytesIn = 0
  messagesOut = 0
  bytesOut = 0
  /** Client updates the referee or a room limit refused, by reason. */
  readonly refused = new Labelled()
  /** Connections the server closed because of a limit, by reason (too_many_messages, too_slow…). */
  readonly limitedCloses = new Labelled()
  /** HTTP requests answered 429, by limit. */
  readonly limitedRequests = new Labelled()
  /** HTTP responses by status code. */
  readonly responses = new Labelled()
  /** How long each batch of document updates took to reach the disk. */
  readonly persist = new Histogram(PERSIST_BUCKETS)
  /**
   * How late a timer due every 50 ms runs: every message of every workshop waits behind whatever holds the event
   * loop, so this is the wait a long task adds to everyone.
   */
  readonly loopLag = new Histogram(LAG_BUCKETS)
  private readonly lagTimer: NodeJS.Timeout

  constructor() {
    let due = performance.now() + LAG_SAMPLE_MS
    this.lagTimer = setInterval(() => {
      const now = performance.now()
      this.loopLag.observe(Math.max(0, now - due) / 1000)
      due = now + LAG_SAMPLE_MS
    }, LAG_SAMPLE_MS)
    this.lagTimer.unref()
  }

  /** Stops sampling (server shutdown). */
  stop(): void {
    clearInterval(this.lagTimer)
  }

  received(bytes: number): void {
    this.messagesIn++
    this.bytesIn += bytes
  }

  sent(bytes: number): void {
    this.messagesOut++
    this.bytesOut += bytes
  }

  /** The Prometheus text exposition (version 0.0.4). */
  render(gauges: Gauges): string {
    const memory = process.memoryUsage()
    const lines: string[] = []
    const metric = (name: string, type: string, help: string, samples: Array<[string, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`)
    }
    const byLabel = (label: string, values: Labelled) =>
      [...values.entries()].map(([key, value]): [string, number] => [
        `{${label}="${escapeLabel(key)}"}`,
        value,
      ])

    metric('loupe_connections', 'gauge', 'Open websocket connections.', [['', gauges.connections]])
    metric('loupe_workshops_loaded', 'gauge', 'Workshops loaded in memory.', [['', gauges.workshopsLoaded]])
    metric('loupe_ws_messages_received_total', 'counter', 'Websocket messages received.', [
      ['', this.messagesIn],
    ])
    metric('loupe_ws_messages_sent_total', 'counter', 'Websocket messages sent.', [['', this.messagesOut]])
    metric('loupe_ws_received_bytes_total', 'counter', 'Websocket bytes received.', [['', this.bytesIn]])
    metric('loupe_ws_sent_bytes_total', 'counter', 'Websocket bytes sent.', [['', this.bytesOut]])
    metric(
      'loupe_updates_refused_total',
      'counter',
      'Client updates refused, by reason.',
      byLabel('reason', this.refused),
    )
    metric(
      'loupe_limited_closes_total',
      'counter',
      'Connections closed for going over a limit, by reason.',
      byLabel('reason', this.limitedCloses),
    )
    metric(
      'loupe_http_rate_limited_total',
      'counter',
      'HTTP requests refused with 429, by limit.',
      byLabel('limit', this.limitedRequests),
    )
    metric(
      'loupe_http_responses_total',
      'counter',
      'HTTP responses, by status code.',
      byLabel('code', this.responses),
    )
    lines.push(
      ...this.persist.render('loupe_persist_duration_seconds', 'Time to store a batch of document updates.'),
      ...this.loopLag.render('loupe_event_loop_lag_seconds', 'How late a timer due every 50 ms ran.'),
    )
    metric(
      'loupe_limit',
      'gauge',
      'Limits in force (server/limits.ts), by name.',
      Object.entries(gauges.limits).map(([name, value]): [string, number] => [
        `{name="${escapeLabel(name)}"}`,
        value,
      ]),
    )
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', memory.rss]])
    metric('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', memory.heapUsed]])
    metric('nodejs_heap_size_total_bytes', 'gauge', 'V8 heap reserved, in bytes.', [['', memory.heapTotal]])
    metric('process_uptime_seconds', 'gauge', 'Seconds since the process started.', [['', process.uptime()]])
    return lines.join('\n') + '\n'
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}
