import { describe, expect, it } from 'vitest'
import {
  CLOSE,
  FINAL_CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  MESSAGE,
  PRESENCE_COLORS,
  WS_PATH,
  presenceColor,
} from '../../shared/protocol'

describe('presenceColor', () => {
  it('gives a person the same colour on every screen and every visit', () => {
    for (const id of ['p-lucie', 'facilitator-1', '', 'é🙂', 'x'.repeat(500)]) {
      const color = presenceColor(id)
      expect(PRESENCE_COLORS).toContain(color)
      expect(presenceColor(String(id))).toBe(color)
    }
    // Pinned: a change to the hash would repaint everyone between two releases.
    expect(presenceColor('p-lucie')).toBe('#b91c1c')
    expect(presenceColor('facilitator-1')).toBe('#1d4ed8')
  })

  it('spreads a room of people over the whole palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => presenceColor(`participant-${i}`)))
    expect(used.size).toBe(PRESENCE_COLORS.length)
  })
})

describe('wire constants', () => {
  it('speaks the y-websocket message types on /ws', () => {
    expect(WS_PATH).toBe('/ws')
    expect(MESSAGE.sync).toBe(0)
    expect(MESSAGE.awareness).toBe(1)
  })

  it('uses distinct application close codes, and gives up only when reconnecting cannot help', () => {
    const codes = Object.values(CLOSE)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes.filter((c) => c !== CLOSE.shuttingDown)) {
      expect(code).toBeGreaterThanOrEqual(4000)
      expect(code).toBeLessThan(5000)
    }
    expect([...FINAL_CLOSE_CODES].sort()).toEqual([CLOSE.unauthorized, CLOSE.removed, CLOSE.notFound].sort())
    expect(FINAL_CLOSE_CODES.has(CLOSE.refused)).toBe(false)
    expect(FINAL_CLOSE_CODES.has(CLOSE.shuttingDown)).toBe(false)
  })

  it('matches the documented contract', () => {
    expect(CLOSE).toMatchObject({ malformed: 4400, unauthorized: 4401, notFound: 4404, refused: 4409 })
    expect(MAX_MESSAGE_BYTES).toBe(1024 * 1024)
  })
})
