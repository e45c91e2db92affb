import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/schema'
import { checkCentre, checkField, checkMetaField, checkName, checkTitle } from '../../shared/validation'

describe('checkField', () => {
  it('trims what people type', () => {
    expect(checkField('  Centre social Le Lavoir \n', 80)).toEqual({
      ok: true,
      value: 'Centre social Le Lavoir',
    })
  })

  it('strips control characters and text-direction overrides', () => {
    expect(checkField('Lu\u0000cie\u0007', 60)).toEqual({ ok: true, value: 'Lucie' })
    expect(checkField('\u202eeicuL\u202c', 60)).toEqual({ ok: true, value: 'eicuL' })
    expect(checkField('A\u2066B\u2069\u007f', 60)).toEqual({ ok: true, value: 'AB' })
    expect(checkField('Chloé – Maison de quartier 🌱', 60)).toEqual({
      ok: true,
      value: 'Chloé – Maison de quartier 🌱',
    })
  })

  it('requires a value unless told otherwise', () => {
    expect(checkField('   ', 10)).toEqual({ ok: false, problem: 'required' })
    expect(checkField('\u0000\u202e', 10)).toEqual({ ok: false, problem: 'required' })
    expect(checkField(undefined, 10)).toEqual({ ok: false, problem: 'required' })
    expect(checkField(null, 10)).toEqual({ ok: false, problem: 'required' })
    expect(checkField(undefined, 10, false)).toEqual({ ok: true, value: '' })
    expect(checkField('', 10, false)).toEqual({ ok: true, value: '' })
  })

  it('refuses a value past the limit, counted after trimming', () => {
    expect(checkField('x'.repeat(11), 10)).toEqual({ ok: false, problem: 'too_long' })
    expect(checkField(`  ${'x'.repeat(10)}  `, 10)).toEqual({ ok: true, value: 'x'.repeat(10) })
  })

  it('refuses anything that is not text', () => {
    for (const input of [42, true, {}, ['Lucie']])
      expect(checkField(input, 10)).toEqual({ ok: false, problem: 'not_text' })
  })
})

describe('the form checks', () => {
  it('apply the limits of names, centres, titles and optional details', () => {
    expect(checkName('x'.repeat(LIMITS.nameLength)).ok).toBe(true)
    expect(checkName('x'.repeat(LIMITS.nameLength + 1))).toEqual({ ok: false, problem: 'too_long' })
    expect(checkName('')).toEqual({ ok: false, problem: 'required' })
    expect(checkCentre('x'.repeat(LIMITS.centreLength)).ok).toBe(true)
    expect(checkCentre('x'.repeat(LIMITS.centreLength + 1))).toEqual({ ok: false, problem: 'too_long' })
    expect(checkCentre(' ')).toEqual({ ok: false, problem: 'required' })
    expect(checkTitle('x'.repeat(LIMITS.titleLength)).ok).toBe(true)
    expect(checkTitle('x'.repeat(LIMITS.titleLength + 1))).toEqual({ ok: false, problem: 'too_long' })
    expect(checkTitle(undefined)).toEqual({ ok: false, problem: 'required' })
    expect(checkMetaField(undefined)).toEqual({ ok: true, value: '' })
    expect(checkMetaField('x'.repeat(LIMITS.metaFieldLength + 1))).toEqual({ ok: false, problem: 'too_long' })
  })
})
