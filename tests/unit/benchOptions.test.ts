import { describe, expect, it } from 'vitest'
import { parseOptions, UsageError } from '../../scripts/bench/options'

describe('the benchmark’s command line', () => {
  it('answers --help with the usage, as something asked for', () => {
    const error = (() => {
      try {
        parseOptions(['--help'])
      } catch (caught) {
        return caught
      }
      return null
    })()
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).asked).toBe(true)
    expect((error as UsageError).message).toContain('--workshops W')
  })

  it('refuses what it cannot read, naming it', () => {
    for (const [argv, said] of [
      [['--bogus'], 'unknown option --bogus'],
      [['--workshops'], '--workshops needs a number >= 1'],
      [['--json'], '--json needs a value'],
      [['--rate', 'vite'], '--rate needs a number'],
      [['--servers', 'loupe,other'], '--servers takes a list'],
      [['--trials', '0'], '--trials needs a number >= 1'],
      [['--capacity-runs', '0'], '--capacity-runs needs a number >= 1'],
    ] as const) {
      expect(() => parseOptions([...argv])).toThrow(UsageError)
      expect(() => parseOptions([...argv])).toThrow(said)
    }
  })

  it('lets explicit numbers win over --quick', () => {
    const options = parseOptions(['--quick', '--workshops', '5'])
    expect(options.workshops).toBe(5)
    expect(options.participants).toBe(3)
  })

  it('runs one trial unless told more', () => {
    expect(parseOptions([]).trials).toBe(1)
    expect(parseOptions(['--trials', '3']).trials).toBe(3)
  })

  it('searches the capacity once unless told more, and more implies searching it', () => {
    expect(parseOptions(['--capacity'])).toMatchObject({ capacity: true, capacityRuns: 1 })
    expect(parseOptions([])).toMatchObject({ capacity: false, capacityRuns: 1 })
    expect(parseOptions(['--capacity-runs', '4'])).toMatchObject({ capacity: true, capacityRuns: 4 })
  })
})
