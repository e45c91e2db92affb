import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initialControl, readControl, readMeta, roots } from '../../shared/doc'
import { initWorkshop, putRosterEntry, removeRosterEntry, setPhase, setThemeLock } from '../../shared/ops'
import { readBoard } from '../../shared/read'
import { PHASES, SCHEMA_VERSION, type Phase, type RosterEntry } from '../../shared/schema'
import { TEMPLATES } from '../../shared/templates'
import { MEETING, countUpdates, newWorkshop, snapshot } from './workshopFixture'

const LUCIE: RosterEntry = {
  name: 'Lucie',
  centre: 'Centre social Le Lavoir',
  role: 'participant',
  joinedAt: 1_741_950_100_000,
}

describe('initWorkshop', () => {
  it("writes the metadata, the first phase and the template's boards in one transaction", () => {
    const doc = new Y.Doc()
    const { updates } = countUpdates(doc, () => initWorkshop(doc, MEETING, 'participation-partenariats'))
    expect(updates).toBe(1)
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, ...MEETING })
    expect(readControl(doc)).toEqual(initialControl())
    expect(roots(doc).control.get('round')).toBeNull()
    const template = TEMPLATES['participation-partenariats'].themes
    expect(readBoard(doc).themes.map((t) => ({ name: t.name, questions: t.questions }))).toEqual(template)
    expect(readBoard(doc).perspectives).toEqual([])
    expect(readBoard(doc).cards).toEqual([])
  })

  it('starts an empty workshop with a single board', () => {
    const { doc } = newWorkshop('vide')
    expect(readBoard(doc).themes.map((t) => t.name)).toEqual(['Thème 1'])
  })
})

describe('roster', () => {
  it('adds and removes people, one transaction each', () => {
    const { doc } = newWorkshop()
    expect(countUpdates(doc, () => putRosterEntry(doc, 'p-lucie', LUCIE)).updates).toBe(1)
    expect(roots(doc).roster.get('p-lucie')).toEqual(LUCIE)
    putRosterEntry(doc, 'p-lucie', { ...LUCIE, centre: 'Centre social de la Duchère' })
    expect(roots(doc).roster.get('p-lucie')?.centre).toBe('Centre social de la Duchère')
    expect(countUpdates(doc, () => removeRosterEntry(doc, 'p-lucie')).updates).toBe(1)
    expect(roots(doc).roster.has('p-lucie')).toBe(false)
  })

  it('writes nothing when removing someone who is not there', () => {
    const { doc } = newWorkshop()
    const before = snapshot(doc)
    expect(countUpdates(doc, () => removeRosterEntry(doc, 'nobody')).updates).toBe(0)
    expect(snapshot(doc)).toBe(before)
  })
})

describe('setPhase', () => {
  it('moves through every phase, one transaction each', () => {
    const { doc } = newWorkshop()
    for (const phase of PHASES) {
      expect(countUpdates(doc, () => setPhase(doc, phase))).toEqual({ result: true, updates: 1 })
      expect(readControl(doc).phase).toBe(phase)
    }
  })

  it('refuses a phase that does not exist and writes nothing', () => {
    const { doc } = newWorkshop()
    const before = snapshot(doc)
    expect(countUpdates(doc, () => setPhase(doc, 'pause' as Phase))).toEqual({ result: false, updates: 0 })
    expect(snapshot(doc)).toBe(before)
  })
})

describe('setThemeLock', () => {
  it('locks and unlocks boards independently, one transaction each, without duplicates', () => {
    const { doc, themeIds } = newWorkshop()
    const [a = '', b = ''] = themeIds
    expect(countUpdates(doc, () => setThemeLock(doc, a, true)).updates).toBe(1)
    setThemeLock(doc, a, true)
    setThemeLock(doc, b, true)
    expect(readControl(doc).lockedThemes).toEqual([a, b])
    expect(countUpdates(doc, () => setThemeLock(doc, a, false)).updates).toBe(1)
    expect(readControl(doc).lockedThemes).toEqual([b])
    setThemeLock(doc, b, false)
    expect(readControl(doc).lockedThemes).toEqual([])
  })
})
