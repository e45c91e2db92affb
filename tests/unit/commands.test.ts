import { describe, expect, it } from 'vitest'
import { isFacilitatorCommand, parseCommandEnvelope } from '../../shared/commands'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'

const parse = (value: unknown) => parseCommandEnvelope(JSON.stringify(value))

describe('parseCommandEnvelope', () => {
  it('parses every well-formed command', () => {
    expect(parse({ id: 1, command: { type: 'vote.add', itemId: 'p1' } })).toEqual({
      id: 1,
      command: { type: 'vote.add', itemId: 'p1' },
    })
    expect(parse({ id: 2, command: { type: 'phase.set', phase: 'vote' } })?.command).toEqual({
      type: 'phase.set',
      phase: 'vote',
    })
    expect(parse({ id: 3, command: { type: 'round.open', settings: { budget: 5 } } })?.command).toEqual({
      type: 'round.open',
      settings: { ...DEFAULT_VOTE_SETTINGS, budget: 5 },
    })
    expect(
      parse({ id: 4, command: { type: 'projector.follow', target: { kind: 'theme', themeId: 't' } } }),
    ).not.toBeNull()
    expect(parse({ id: 5, command: { type: 'timer.addMinute', extra: 'ignored' } })?.command).toEqual({
      type: 'timer.addMinute',
    })
  })

  it('refuses anything that is not exactly a known command', () => {
    expect(parseCommandEnvelope('{not json')).toBeNull()
    expect(parse(null)).toBeNull()
    expect(parse({ command: { type: 'round.close' } })).toBeNull()
    expect(parse({ id: 1.5, command: { type: 'round.close' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'vote.add' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'vote.add', itemId: 'x'.repeat(65) } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'phase.set', phase: 'apéro' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'timer.start', durationMs: -1 } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'timer.start', durationMs: 'NaN' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'round.open', settings: { budget: 50 } } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'card.merge', sourceId: 'a', targetId: 'a' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'projector.follow', target: { kind: 'elsewhere' } } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'drop.tables' } })).toBeNull()
  })

  it('leaves voting and the clock to everyone and the rest to the facilitator', () => {
    expect(isFacilitatorCommand('vote.add')).toBe(false)
    expect(isFacilitatorCommand('clock.ping')).toBe(false)
    expect(isFacilitatorCommand('phase.set')).toBe(true)
    expect(isFacilitatorCommand('round.reveal')).toBe(true)
    expect(isFacilitatorCommand('participant.remove')).toBe(true)
    expect(isFacilitatorCommand('indicators.import')).toBe(true)
    expect(isFacilitatorCommand('indicator.pin')).toBe(true)
    expect(isFacilitatorCommand('indicator.remove')).toBe(true)
  })
})

describe('the indicator commands', () => {
  it('parse an import, a pin (to a board, at an index, or off the boards) and a removal', () => {
    const csv = 'thème;indicateur;valeur\nPartenariats;Partenaires;12,5'
    expect(parse({ id: 1, command: { type: 'indicators.import', csv, mode: 'replace' } })?.command).toEqual({
      type: 'indicators.import',
      csv,
      mode: 'replace',
    })
    expect(
      parse({ id: 2, command: { type: 'indicator.pin', indicatorId: 'i1', themeId: 't1', index: 2 } })
        ?.command,
    ).toEqual({
      type: 'indicator.pin',
      indicatorId: 'i1',
      themeId: 't1',
      index: 2,
    })
    expect(
      parse({ id: 3, command: { type: 'indicator.pin', indicatorId: 'i1', themeId: null } })?.command,
    ).toEqual({
      type: 'indicator.pin',
      indicatorId: 'i1',
      themeId: null,
    })
    expect(parse({ id: 4, command: { type: 'indicator.remove', indicatorId: 'i1' } })?.command).toEqual({
      type: 'indicator.remove',
      indicatorId: 'i1',
    })
  })

  it('refuse anything else', () => {
    expect(parse({ id: 1, command: { type: 'indicators.import', csv: 'a', mode: 'merge' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'indicators.import', csv: 12, mode: 'append' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'indicators.import', mode: 'append' } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'indicator.pin', indicatorId: 'i1' } })).toBeNull()
    expect(
      parse({ id: 1, command: { type: 'indicator.pin', indicatorId: 'i1', themeId: 't1', index: -1 } }),
    ).toBeNull()
    expect(
      parse({ id: 1, command: { type: 'indicator.pin', indicatorId: 'i1', themeId: 't1', index: 1.5 } }),
    ).toBeNull()
    expect(parse({ id: 1, command: { type: 'indicator.pin', indicatorId: '', themeId: null } })).toBeNull()
    expect(parse({ id: 1, command: { type: 'indicator.remove' } })).toBeNull()
  })
})
