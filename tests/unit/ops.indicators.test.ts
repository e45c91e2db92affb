import { describe, expect, it } from 'vitest'
import {
  formatFigure,
  indicatorsOn,
  INDICATOR_LIMITS,
  matchBoard,
  readIndicators,
  type IndicatorInput,
} from '../../shared/indicators'
import { deleteTheme, importIndicators, pinIndicator, removeIndicator } from '../../shared/ops'
import { countUpdates, newWorkshop } from './workshopFixture'

const row = (theme: string, indicator: string, value = 1): IndicatorInput => ({
  theme,
  indicator,
  value,
  unit: '',
  comparison: null,
  comparisonLabel: '',
  source: 'Chiffres fictifs pour l’exemple',
  year: 2023,
})

const names = (records: ReadonlyArray<{ indicator: string }>) => records.map((r) => r.indicator)

describe('importIndicators', () => {
  it('adds every row in one transaction and pins each row whose theme names a board', () => {
    const { doc, themeIds } = newWorkshop()
    const [participation, partenariats] = themeIds
    const rows = [
      row('participation des habitants', 'Habitants au CA'),
      row('PARTENARIATS', 'Partenaires par centre'),
      row('Partenaires locaux', 'Conventions pluriannuelles'),
      row('Participatif', 'Projets portés par des habitants'),
      row('Finances', 'Budget moyen'),
      row('', 'Sans thème'),
    ]
    const { result, updates } = countUpdates(doc, () => importIndicators(doc, rows, 'append'))
    expect(updates).toBe(1)
    expect(result).toEqual({ ids: expect.any(Array), pinned: 4 })
    expect(names(indicatorsOn(doc, participation ?? ''))).toEqual([
      'Habitants au CA',
      'Projets portés par des habitants',
    ])
    expect(names(indicatorsOn(doc, partenariats ?? ''))).toEqual([
      'Partenaires par centre',
      'Conventions pluriannuelles',
    ])
    expect(names(indicatorsOn(doc, null))).toEqual(['Budget moyen', 'Sans thème'])
    expect(readIndicators(doc).find((r) => r.indicator === 'Habitants au CA')).toEqual({
      id: result?.ids[0],
      ...rows[0],
      themeId: participation,
      key: expect.any(String),
    })
  })

  it('appends after what is there, or replaces it all', () => {
    const { doc, themeIds } = newWorkshop()
    importIndicators(doc, [row('Partenariats', 'Premier')], 'append')
    importIndicators(doc, [row('Partenariats', 'Second')], 'append')
    expect(names(indicatorsOn(doc, themeIds[1] ?? ''))).toEqual(['Premier', 'Second'])
    importIndicators(doc, [row('Partenariats', 'Seul')], 'replace')
    expect(names(readIndicators(doc))).toEqual(['Seul'])
  })

  it('writes nothing when the workshop would hold too many indicators', () => {
    const { doc } = newWorkshop()
    const many = Array.from({ length: INDICATOR_LIMITS.rows }, (_, i) => row('Finances', `Indicateur ${i}`))
    expect(importIndicators(doc, many, 'append')?.ids).toHaveLength(INDICATOR_LIMITS.rows)
    expect(importIndicators(doc, [row('Finances', 'De trop')], 'append')).toBeNull()
    expect(readIndicators(doc)).toHaveLength(INDICATOR_LIMITS.rows)
    expect(importIndicators(doc, [row('Finances', 'Remplaçant')], 'replace')?.ids).toHaveLength(1)
  })
})

describe('pinIndicator and removeIndicator', () => {
  it('pins at an index, moves between boards, unpins and deletes', () => {
    const { doc, themeIds } = newWorkshop()
    const [participation = '', partenariats = ''] = themeIds
    const ids =
      importIndicators(doc, [row('Finances', 'A'), row('Finances', 'B'), row('Finances', 'C')], 'append')
        ?.ids ?? []
    const [a = '', b = '', c = ''] = ids
    expect(pinIndicator(doc, a, participation)).toBe(true)
    expect(pinIndicator(doc, b, participation)).toBe(true)
    expect(pinIndicator(doc, c, participation, 0)).toBe(true)
    expect(names(indicatorsOn(doc, participation))).toEqual(['C', 'A', 'B'])
    expect(pinIndicator(doc, c, participation, 2)).toBe(true)
    expect(names(indicatorsOn(doc, participation))).toEqual(['A', 'B', 'C'])
    expect(pinIndicator(doc, a, partenariats)).toBe(true)
    expect(pinIndicator(doc, b, null)).toBe(true)
    expect(names(indicatorsOn(doc, participation))).toEqual(['C'])
    expect(names(indicatorsOn(doc, partenariats))).toEqual(['A'])
    expect(names(indicatorsOn(doc, null))).toEqual(['B'])
    expect(removeIndicator(doc, b)).toBe(true)
    expect(names(readIndicators(doc))).toEqual(expect.arrayContaining(['A', 'C']))
    expect(readIndicators(doc)).toHaveLength(2)
  })

  it('refuses an unknown indicator or board', () => {
    const { doc, themeIds } = newWorkshop()
    const [id = ''] = importIndicators(doc, [row('Finances', 'A')], 'append')?.ids ?? []
    expect(pinIndicator(doc, 'absent', themeIds[0] ?? '')).toBe(false)
    expect(pinIndicator(doc, id, 'absent')).toBe(false)
    deleteTheme(doc, themeIds[0] ?? '')
    expect(pinIndicator(doc, id, themeIds[0] ?? '')).toBe(false)
    expect(removeIndicator(doc, 'absent')).toBe(false)
  })
})

describe('matchBoard and formatFigure', () => {
  const boards = [
    { id: 'p', name: 'Participation des habitants' },
    { id: 'q', name: 'Partenariats' },
    { id: 'r', name: 'Éducation' },
  ]
  it('matches a board by name without case or accents, or by the workshop’s key words', () => {
    expect(matchBoard('EDUCATION', boards)).toBe('r')
    expect(matchBoard('Participation', boards)).toBe('p')
    expect(matchBoard('partenariat avec la CAF', boards)).toBe('q')
    expect(matchBoard('Finances', boards)).toBeNull()
    expect(matchBoard('  ', boards)).toBeNull()
  })

  it('writes figures the French way, and the English way', () => {
    expect(formatFigure(45, '%', 'fr')).toBe('45\u202f%')
    expect(formatFigure(12.5, '', 'fr')).toBe('12,5')
    expect(formatFigure(1234.5, 'k€', 'fr')).toBe('1\u202f234,5\u202fk€')
    expect(formatFigure(45, '%', 'en')).toBe('45%')
    expect(formatFigure(1234.5, '', 'en')).toBe('1,234.5')
  })
})
