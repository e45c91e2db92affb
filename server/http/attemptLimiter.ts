import { isIPv6 } from 'node:net'

/** Keys tracked at most; past this, the oldest windows are forgotten first so memory stays bounded under attack. */
const MAX_KEYS = 50_000

/**
 * Counts attempts per key (an address, a workshop) in a fixed window: wrong join codes, created workshops. Join codes
 * are short enough to say aloud, so guessing them must stay slow; people who type their code right are never counted.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, { count: number; windowStart: number }>()
  private lastSweep = 0

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs = 60_000,
  ) {}

  /** True when this key used up its attempts in the current window. */
  blocked(key: string, now = Date.now()): boolean {
    const entry = this.attempts.get(key)
    if (!entry || now - entry.windowStart >= this.windowMs) return false
    return entry.count >= this.maxAttempts
  }

  record(key: string, now = Date.now()): void {
    const entry = this.attempts.get(key)
    if (entry && now - entry.windowStart < this.windowMs) entry.count++
    else {
      // Re-inserted so that the map's order stays oldest window first.
      this.attempts.delete(key)
      this.attempts.set(key, { count: 1, windowStart: now })
    }
    if (this.attempts.size > MAX_KEYS) this.sweep(now)
  }

  /** How many keys are tracked (for tests of the memory bound). */
  get size(): number {
    return this.attempts.size
  }

  private sweep(now: number): void {
    // A full pass at most once per tenth of a window: many keys must not make every attempt cost a pass.
    if (now - this.lastSweep >= this.windowMs / 10) {
      this.lastSweep = now
      for (const [key, entry] of this.attempts)
        if (now - entry.windowStart >= this.windowMs) this.attempts.delete(key)
    }
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= MAX_KEYS) break
      this.attempts.delete(key)
    }
  }
}

/**
 * The address a request or socket came from, as limits count it: the direct peer (a proxy in front shares one
 * budget among its users), an IPv4-mapped address as IPv4, and an IPv6 address by its /64, which one home holds whole.
 */
export function addressKey(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remoteAddress)
  if (mapped?.[1]) return mapped[1]
  if (!isIPv6(remoteAddress)) return remoteAddress
  return `${expandIPv6(remoteAddress).slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, `::` expanded. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::') as [string, string | undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
