import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressReader } from '../../server/http/clientAddress'

const from = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage

describe('the address a request counts under', () => {
  it('is the socket’s own unless the proxy is trusted', () => {
    const direct = addressReader({ trustProxy: false })
    expect(direct(from('192.0.2.1', '10.0.0.5'))).toBe('192.0.2.1')
    expect(direct(from('::ffff:192.0.2.1'))).toBe('192.0.2.1')
  })

  it('behind a trusted proxy, is the last X-Forwarded-For entry, or the socket’s when that is not an address', () => {
    const proxied = addressReader({ trustProxy: true })
    expect(proxied(from('127.0.0.1', '10.0.0.5'))).toBe('10.0.0.5')
    expect(proxied(from('127.0.0.1', 'forged, 10.0.0.6'))).toBe('10.0.0.6')
    expect(proxied(from('127.0.0.1', '2001:db8:1:2:3:4:5:6'))).toBe('2001:db8:1:2::/64')
    expect(proxied(from('127.0.0.1', 'not an address'))).toBe('127.0.0.1')
    expect(proxied(from('127.0.0.1'))).toBe('127.0.0.1')
  })
})
