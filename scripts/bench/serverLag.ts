/**
 * Loupe's own event-loop lag during a measurement, from the histogram its GET /metrics exposes: read before and
 * after, the difference is what the server alone added to every message (the reference exposes nothing alike).
 */

const METRIC = 'loupe_event_loop_lag_seconds'

export type LagBuckets = Map<string, number>

export async function readLag(httpUrl: string): Promise<LagBuckets> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  const buckets: LagBuckets = new Map()
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${METRIC}_bucket\\{le="([^"]+)"\\} (\\d+)$`).exec(line)
    if (match?.[1] && match[2]) buckets.set(match[1], Number(match[2]))
  }
  return buckets
}

/** The bucket bound (ms) under which 99% of the samples taken between the two readings fall; null if none. */
export function lagP99Ms(before: LagBuckets, after: LagBuckets): number | null {
  const bounds = [...after.keys()]
  const count = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0)
  if (count <= 0) return null
  for (const bound of bounds) {
    const within = (after.get(bound) ?? 0) - (before.get(bound) ?? 0)
    if (within >= count * 0.99) return bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound) * 1000
  }
  return null
}
