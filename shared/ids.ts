/** Ids and join codes. Uses the Web Crypto API, present in browsers and in Node 20. */

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

function randomString(alphabet: string, length: number): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  // 256 is not a multiple of every alphabet size; rejection keeps the distribution uniform.
  const limit = 256 - (256 % alphabet.length)
  for (let i = 0; i < length; i++) {
    let byte = bytes[i] ?? 0
    while (byte >= limit) {
      const retry = new Uint8Array(1)
      globalThis.crypto.getRandomValues(retry)
      byte = retry[0] ?? 0
    }
    out += alphabet[byte % alphabet.length]
  }
  return out
}

/** A record id: 12 base-36 characters, about 62 bits, plenty for one workshop's items. */
export function newId(): string {
  return randomString(ID_ALPHABET, 12)
}

/** Letters people can read aloud and type without confusing O/0, I/1/L, S/5 or Z/2. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789'
export const JOIN_CODE_LENGTH = 6

export function newJoinCode(): string {
  return randomString(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH)
}

/** Accepts what people type ("abc 346", "abc-346") and returns the canonical code, or null if it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== JOIN_CODE_LENGTH) return null
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null
  return code
}
