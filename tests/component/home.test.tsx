import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { HomePage } from '../../client/features/home/HomePage'
import { fakeApi } from './support/fakeApi'

const created = {
  id: 'w-lyon',
  joinCode: 'K7M3QX',
  facilitatorKey: 'secret-key-123',
  participantPath: '/rejoindre/K7M3QX',
  facilitatorPath: '/atelier/w-lyon/animer#cle=secret-key-123',
}

function renderHome() {
  const location = memoryLocation({ path: '/', record: true })
  render(
    <Router hook={location.hook}>
      <HomePage />
    </Router>,
  )
  return location
}

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('home: create a workshop', () => {
  it('says what is missing before sending anything', async () => {
    const api = fakeApi({})
    const user = userEvent.setup()
    renderHome()
    await user.click(screen.getByRole('button', { name: 'Créer l’atelier' }))
    const title = screen.getByRole('textbox', { name: 'Titre de l’atelier' })
    expect(title).toHaveAttribute('aria-invalid', 'true')
    expect(title).toHaveAccessibleDescription('Donnez un titre à l’atelier.')
    await vi.waitFor(() => expect(title).toHaveFocus())
    await user.type(screen.getByRole('textbox', { name: /Lieu/ }), 'x'.repeat(130))
    await user.type(title, 'Atelier')
    await user.click(screen.getByRole('button', { name: 'Créer l’atelier' }))
    expect(screen.getByText('Ce champ est trop long (120 caractères au plus).')).toBeInTheDocument()
    expect(api.requests).toHaveLength(0)
  })

  it('creates the workshop and shows both links, the secret one marked, and the code in big letters', async () => {
    const api = fakeApi({ 'POST /api/workshops': () => ({ status: 201, body: created }) })
    const user = userEvent.setup()
    const location = renderHome()
    await user.type(screen.getByRole('textbox', { name: 'Titre de l’atelier' }), '  Rencontre de Lyon ')
    await user.type(screen.getByRole('textbox', { name: /Lieu/ }), 'Centre social Bonnefoi')
    await user.click(screen.getByRole('radio', { name: /Atelier vide/ }))
    await user.click(screen.getByRole('button', { name: 'Créer l’atelier' }))

    expect(
      await screen.findByRole('heading', { name: 'L’atelier « Rencontre de Lyon » est prêt' }),
    ).toHaveFocus()
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/workshops',
        body: { title: 'Rencontre de Lyon', template: 'vide', place: 'Centre social Bonnefoi' },
      }),
    ])
    const origin = window.location.origin
    expect(screen.getByRole('textbox', { name: 'Lien pour les participants' })).toHaveValue(
      `${origin}/rejoindre/K7M3QX`,
    )
    expect(screen.getByRole('textbox', { name: 'Lien d’animation — secret' })).toHaveValue(
      `${origin}/atelier/w-lyon/animer#cle=secret-key-123`,
    )
    expect(
      screen.getByText('Gardez-le pour vous : il donne tous les droits sur l’atelier.'),
    ).toBeInTheDocument()
    const code = screen.getByText('K7M').closest('p')
    expect(code).toHaveTextContent('K7M 3QX')
    expect(code).toHaveClass('join-code--huge')
    expect(screen.getByRole('button', { name: 'Copier le lien pour les participants' })).toBeInTheDocument()
    expect(localStorage.getItem('loupe-cle-w-lyon')).toBe('secret-key-123')

    await user.click(screen.getByRole('button', { name: 'Ouvrir le tableau d’animation' }))
    expect(location.history.at(-1)).toBe('/atelier/w-lyon/animer')
  })

  it('shows the server’s refusal in words', async () => {
    fakeApi({ 'POST /api/workshops': () => ({ status: 500, body: { error: 'internal', message: 'boom' } }) })
    const user = userEvent.setup()
    renderHome()
    await user.type(screen.getByRole('textbox', { name: 'Titre de l’atelier' }), 'Atelier')
    await user.click(screen.getByRole('button', { name: 'Créer l’atelier' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Une erreur est survenue de notre côté.')
  })
})

describe('home: join with a code', () => {
  it('checks the code, then opens the join form for that workshop', async () => {
    const api = fakeApi({
      'GET /api/codes/K7M3QX': () => ({
        status: 200,
        body: { id: 'w-lyon', title: 'Rencontre', joinCode: 'K7M3QX' },
      }),
    })
    const user = userEvent.setup()
    const location = renderHome()
    const form = screen.getByRole('region', { name: 'Rejoindre un atelier' })
    const field = within(form).getByRole('textbox', { name: 'Code reçu' })
    await user.type(field, 'k7m')
    await user.click(within(form).getByRole('button', { name: 'Continuer' }))
    expect(field).toHaveAccessibleDescription(/Un code compte 6 lettres ou chiffres./)

    await user.clear(field)
    await user.type(field, 'k7m 3qx')
    await user.click(within(form).getByRole('button', { name: 'Continuer' }))
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/rejoindre/K7M3QX'))
    expect(api.requests.map((r) => r.path)).toEqual(['/api/codes/K7M3QX'])
  })

  it('says when no workshop has this code', async () => {
    fakeApi({})
    const user = userEvent.setup()
    renderHome()
    await user.type(screen.getByRole('textbox', { name: 'Code reçu' }), 'AAAAAA')
    await user.click(screen.getByRole('button', { name: 'Continuer' }))
    expect(
      await screen.findByText('Aucun atelier ne correspond à ce code. Vérifiez-le et réessayez.'),
    ).toBeInTheDocument()
  })
})
