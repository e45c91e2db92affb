import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, newId, newJoinCode, normalizeJoinCode } from '../../shared/ids'

describe('newJoinCode', () => {
  it('draws six characters that cannot be misread aloud', () => {
    expect(JOIN_CODE_LENGTH).toBe(6)
    for (const confusing of ['O', '0', 'I', '1', 'L', 'S', '5', 'Z', '2'])
      expect(JOIN_CODE_ALPHABET).not.toContain(confusing)
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = newJoinCode()
      expect(code).toMatch(/^[A-Z0-9]{6}$/)
      for (const ch of code) seen.add(ch)
      expect(normalizeJoinCode(code)).toBe(code)
    }
    // Every letter of the alphabet comes up: nothing is stuck or skipped.
    expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''))
  })
})

describe('normalizeJoinCode', () => {
  it('accepts what people type: lower case, a dash or spaces in the middle, spaces around', () => {
    expect(normalizeJoinCode('abc-346')).toBe('ABC346')
    expect(normalizeJoinCode('abc 346')).toBe('ABC346')
    expect(normalizeJoinCode('  Ab c-34 6 ')).toBe('ABC346')
    expect(normalizeJoinCode('ABC346')).toBe('ABC346')
  })

  it('refuses a code of the wrong length', () => {
    expect(normalizeJoinCode('')).toBeNull()
    expect(normalizeJoinCode('ABC34')).toBeNull()
    expect(normalizeJoinCode('ABC3467')).toBeNull()
    expect(normalizeJoinCode('------')).toBeNull()
  })

  it('refuses letters and digits the codes never use', () => {
    for (const code of [
      'ABC-230',
      'OBC346',
      'IBC346',
      'LBC346',
      'ABC341',
      'SBC346',
      'ZBC346',
      'ABC34é',
      'ABC34_',
    ]) {
      expect(normalizeJoinCode(code)).toBeNull()
    }
  })
})

describe('newId', () => {
  it('draws distinct twelve-character ids', () => {
    const ids = Array.from({ length: 20_000 }, newId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 500)) expect(id).toMatch(/^[0-9a-z]{12}$/)
  })
})
