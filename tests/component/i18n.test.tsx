import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { LanguageSwitch } from '../../client/app/LanguageSwitch'
import en from '../../client/i18n/en'
import { fr } from '../../client/i18n/fr'
import { getLanguage, LANGUAGES, setLanguage, t } from '../../client/i18n'
import type { Messages } from '../../client/i18n/types'
import { useT } from '../../client/i18n/useT'

function Greeting() {
  const t = useT()
  return <h1>{t('join.titleWith', { title: 'Atelier de Lyon' })}</h1>
}

afterEach(() => act(() => setLanguage('fr')))

describe('i18n', () => {
  it('speaks French by default and sets <html lang>', () => {
    render(<Greeting />)
    expect(getLanguage()).toBe('fr')
    expect(screen.getByRole('heading')).toHaveTextContent('Rejoindre « Atelier de Lyon »')
    expect(document.documentElement.lang).toBe('fr')
  })

  it('switches to English from the switch, remembers it and updates <html lang>', async () => {
    const user = userEvent.setup()
    render(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    )
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(screen.getByRole('heading')).toHaveTextContent('Join “Atelier de Lyon”')
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('loupe-language')).toBe('en')
  })

  it('offers every language file of the folder, French first', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['fr', 'en'])
  })

  it('has every French key in English, so nothing falls back by accident', () => {
    expect(Object.keys(en.messages).sort()).toEqual(Object.keys(fr).sort())
    for (const value of Object.values(en.messages)) expect(value.trim()).not.toBe('')
  })

  it('makes a missing key a type error and fills placeholders', () => {
    // @ts-expect-error a language that lacks keys does not type-check
    const incomplete: Messages = { 'app.name': 'Loupe' }
    expect(incomplete['app.name']).toBe('Loupe')
    expect(t('board.perspective', { n: 3 })).toBe('Perspective 3')
    expect(t('board.phase', { phase: t('phase.vote') })).toBe('Étape : Vote')
  })
})
