import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { addressKey } from './attemptLimiter'

/** The key under which the per-address limits count a request (an address, or an IPv6 /64). */
export type AddressOf = (req: IncomingMessage) => string

/**
 * Where a request comes from. Behind a reverse proxy every request arrives from the proxy, and the per-address
 * limits would count a whole room of laptops as one machine: with `trustProxy`, the address the proxy appended to
 * X-Forwarded-For (its last entry) counts instead. The entries before it are whatever the client sent, so they are
 * never read; without `trustProxy` the header is ignored altogether, since anyone can write it.
 */
export function addressReader({ trustProxy }: { trustProxy: boolean }): AddressOf {
  return (req) => {
    if (trustProxy) {
      const header = req.headers['x-forwarded-for']
      const last = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim()
      if (last && isIP(last)) return addressKey(last)
    }
    return addressKey(req.socket.remoteAddress)
  }
}
