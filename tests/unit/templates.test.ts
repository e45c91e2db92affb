import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/schema'
import { DEFAULT_TEMPLATE, TEMPLATES, isTemplateId } from '../../shared/templates'
import { readBoard } from '../../shared/read'
import { newWorkshop } from './workshopFixture'

describe('templates', () => {
  it('offers the participation and partnerships workshop by default, and an empty one', () => {
    expect(DEFAULT_TEMPLATE).toBe('participation-partenariats')
    expect(Object.keys(TEMPLATES).sort()).toEqual(['participation-partenariats', 'vide'])
    for (const [id, template] of Object.entries(TEMPLATES)) expect(template.id).toBe(id)
  })

  it('stays within the limits the boards enforce', () => {
    for (const template of Object.values(TEMPLATES)) {
      expect(template.themes.length).toBeGreaterThan(0)
      expect(template.themes.length).toBeLessThanOrEqual(LIMITS.themesPerWorkshop)
      for (const theme of template.themes) {
        expect(theme.name.trim()).not.toBe('')
        expect(theme.name.length).toBeLessThanOrEqual(LIMITS.themeNameLength)
        expect(theme.questions.length).toBeLessThanOrEqual(LIMITS.questionsPerTheme)
        for (const question of theme.questions) {
          expect(question.length).toBeLessThanOrEqual(LIMITS.questionLength)
          expect(question.trim().endsWith('?')).toBe(true)
        }
      }
    }
  })

  it('becomes the boards of a new workshop, in order and word for word', () => {
    for (const id of ['participation-partenariats', 'vide'] as const) {
      const { doc } = newWorkshop(id)
      const boards = readBoard(doc).themes.map(({ name, questions }) => ({ name, questions }))
      expect(boards).toEqual(TEMPLATES[id].themes)
    }
  })

  it('recognises only its own template ids', () => {
    expect(isTemplateId('vide')).toBe(true)
    expect(isTemplateId('participation-partenariats')).toBe(true)
    for (const value of ['toString', '__proto__', 'constructor', '', 'Vide', 42, null, undefined]) {
      expect(isTemplateId(value)).toBe(false)
    }
  })
})
