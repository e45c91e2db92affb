/**
 * What the server counts for an operator, exposed at GET /metrics in the Prometheus text format. Every count is a
 * field or a small labelled map bumped in O(1); the text is only built when someone scrapes.
 */

/** Upper bounds, in seconds, of the storage latency histogram's buckets. */
const PERSIST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5] as const

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
  readonly counts: number[] = PERSIST_BUCKETS.map(() => 0)
  count = 0
  sum = 0

  observe(seconds: number): void {
    this.count++
    this.sum += seconds
    const bucket = PERSIST_BUCKETS.findIndex((bound) => seconds <= bound)
    if (bucket >= 0) this.counts[bucket] = (this.counts[bucket] ?? 0) + 1
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
  readonly persist = new Histogram()

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
      '# HELP loupe_persist_duration_seconds Time to store a batch of document updates.',
      '# TYPE loupe_persist_duration_seconds histogram',
    )
    let cumulative = 0
    PERSIST_BUCKETS.forEach((bound, i) => {
      cumulative += this.persist.counts[i] ?? 0
      lines.push(`loupe_persist_duration_seconds_bucket{le="${bound}"} ${cumulative}`)
    })
    lines.push(
      `loupe_persist_duration_seconds_bucket{le="+Inf"} ${this.persist.count}`,
      `loupe_persist_duration_seconds_sum ${this.persist.sum}`,
      `loupe_persist_duration_seconds_count ${this.persist.count}`,
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
