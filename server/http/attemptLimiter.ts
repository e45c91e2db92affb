import type { IncomingMessage } from 'node:http'

/**
 * Counts failed guesses (unknown join codes, wrong codes) per client address in a fixed window. Join codes are
 * short enough to say aloud, so guessing them must stay slow; people who type their code right are never counted.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>()

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 60_000,
  ) {}

  /** True when this address failed too often in the current window. */
  blocked(key: string, now = Date.now()): boolean {
    const entry = this.failures.get(key)
    if (!entry || now - entry.windowStart >= this.windowMs) return false
    return entry.count >= this.maxFailures
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.failures.get(key)
    if (entry && now - entry.windowStart < this.windowMs) entry.count++
    else this.failures.set(key, { count: 1, windowStart: now })
    if (this.failures.size > 10_000) this.sweep(now)
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.failures) if (now - entry.windowStart >= this.windowMs) this.failures.delete(key)
  }
}

/** The address a request came from (the direct peer: a proxy in front shares one budget among its users). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}
