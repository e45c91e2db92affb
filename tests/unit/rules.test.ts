import { describe, expect, it } from 'vitest'
import {
  EDITING_PHASES,
  canEditBoards,
  canEditTheme,
  canShapeWorkshop,
  type BoardAccess,
} from '../../shared/rules'
import { PHASES, type Phase } from '../../shared/schema'

const control = (phase: Phase, lockedThemes: string[] = []): BoardAccess => ({ phase, lockedThemes })

describe('canEditBoards', () => {
  it('lets participants edit while ideas are collected and grouped, not during the vote or the results', () => {
    expect([...EDITING_PHASES]).toEqual(['collecte', 'regroupement'])
    expect(PHASES.filter((phase) => canEditBoards('participant', control(phase)))).toEqual([
      'collecte',
      'regroupement',
    ])
  })

  it('always lets the facilitator edit, and never the projector', () => {
    for (const phase of PHASES) {
      expect(canEditBoards('facilitator', control(phase))).toBe(true)
      expect(canEditBoards('projector', control(phase))).toBe(false)
    }
  })
})

describe('canEditTheme', () => {
  it('keeps participants off a locked board only', () => {
    const locked = control('collecte', ['theme-a'])
    expect(canEditTheme('participant', locked, 'theme-a')).toBe(false)
    expect(canEditTheme('participant', locked, 'theme-b')).toBe(true)
    expect(canEditTheme('facilitator', locked, 'theme-a')).toBe(true)
    expect(canEditTheme('projector', control('collecte'), 'theme-b')).toBe(false)
  })

  it('follows the phase before the lock', () => {
    expect(canEditTheme('participant', control('vote'), 'theme-b')).toBe(false)
    expect(canEditTheme('facilitator', control('resultats', ['theme-b']), 'theme-b')).toBe(true)
  })
})

describe('canShapeWorkshop', () => {
  it('leaves themes and guiding questions to the facilitator', () => {
    expect(canShapeWorkshop('facilitator')).toBe(true)
    expect(canShapeWorkshop('participant')).toBe(false)
    expect(canShapeWorkshop('projector')).toBe(false)
  })
})
