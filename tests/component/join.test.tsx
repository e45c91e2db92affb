import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { JoinPage } from '../../client/features/join/JoinPage'
import { fakeApi, type FakeRequest } from './support/fakeApi'

const lyon = { id: 'w-lyon', title: 'Rencontre de Lyon', joinCode: 'K7M3QX' }

function renderJoin(code: string) {
  const location = memoryLocation({ path: `/rejoindre/${code}`, record: true })
  render(
    <Router hook={location.hook}>
      <JoinPage code={code} />
    </Router>,
  )
  return location
}

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('join form', () => {
  it('names the workshop, says what is missing, and lets people retry after a wrong code', async () => {
    const joins: FakeRequest[] = []
    const api = fakeApi({
      'GET /api/codes/K7M3QX': () => ({ status: 200, body: lyon }),
      'POST /api/workshops/w-lyon/join': (request) => {
        joins.push(request)
        return joins.length === 1
          ? { status: 403, body: { error: 'wrong_code', message: 'Wrong code' } }
          : { status: 200, body: { token: 'tok-awa', participantId: 'p-awa', workshopId: 'w-lyon' } }
      },
    })
    const user = userEvent.setup()
    const location = renderJoin('k7m3qx')
    expect(
      await screen.findByRole('heading', { name: 'Rejoindre « Rencontre de Lyon »' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Code de l’atelier' })).toHaveValue('K7M3QX')

    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    const name = screen.getByRole('textbox', { name: 'Votre prénom (et nom si vous le souhaitez)' })
    const centre = screen.getByRole('textbox', { name: 'Votre centre social ou structure' })
    expect(name).toHaveAccessibleDescription('Indiquez votre prénom.')
    expect(centre).toHaveAccessibleDescription('Indiquez votre centre social ou votre structure.')
    await vi.waitFor(() => expect(name).toHaveFocus())
    expect(joins).toHaveLength(0)

    await user.type(name, 'Awa Diallo')
    await user.type(centre, 'CS La Passerelle')
    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    const code = screen.getByRole('textbox', { name: 'Code de l’atelier' })
    expect(
      await screen.findByText('Ce code ne correspond pas à l’atelier. Vérifiez-le et réessayez.'),
    ).toBeInTheDocument()
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(localStorage.getItem('loupe-token-w-lyon')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/atelier/w-lyon'))
    expect(joins.map((r) => r.body)).toEqual([
      { joinCode: 'K7M3QX', name: 'Awa Diallo', centre: 'CS La Passerelle' },
      { joinCode: 'K7M3QX', name: 'Awa Diallo', centre: 'CS La Passerelle' },
    ])
    expect(localStorage.getItem('loupe-token-w-lyon')).toBe('tok-awa')
    expect(api.requests.filter((r) => r.path === '/api/codes/K7M3QX')).toHaveLength(1)
  })

  it('says when the code leads nowhere, then accepts a corrected one', async () => {
    fakeApi({
      'GET /api/codes/K7M3QX': () => ({ status: 200, body: lyon }),
      'POST /api/workshops/w-lyon/join': () => ({
        status: 200,
        body: { token: 'tok-leo', participantId: 'p-leo', workshopId: 'w-lyon' },
      }),
    })
    const user = userEvent.setup()
    const location = renderJoin('AAAAAA')
    const code = screen.getByRole('textbox', { name: 'Code de l’atelier' })
    expect(
      await screen.findByText('Aucun atelier ne correspond à ce code. Vérifiez-le et réessayez.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Rejoindre l’atelier' })).toBeInTheDocument()

    await user.clear(code)
    await user.type(code, 'k7m-3qx')
    await user.type(screen.getByRole('textbox', { name: /Votre prénom/ }), 'Léo')
    await user.type(screen.getByRole('textbox', { name: /Votre centre/ }), 'CS du Vieux Port')
    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/atelier/w-lyon'))
    expect(localStorage.getItem('loupe-token-w-lyon')).toBe('tok-leo')
  })

  it('keeps what was typed when the server cannot be reached, and retries', async () => {
    let reachable = false
    fakeApi({
      'GET /api/codes/K7M3QX': () => ({ status: 200, body: lyon }),
      'POST /api/workshops/w-lyon/join': () => {
        if (!reachable) throw new TypeError('Failed to fetch')
        return { status: 200, body: { token: 'tok-ines', participantId: 'p-ines', workshopId: 'w-lyon' } }
      },
    })
    const user = userEvent.setup()
    const location = renderJoin('K7M3QX')
    await screen.findByRole('heading', { name: 'Rejoindre « Rencontre de Lyon »' })
    await user.type(screen.getByRole('textbox', { name: /Votre prénom/ }), 'Inès')
    await user.type(screen.getByRole('textbox', { name: /Votre centre/ }), 'CS Les Tilleuls')
    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Le serveur ne répond pas.')
    expect(screen.getByRole('textbox', { name: /Votre prénom/ })).toHaveValue('Inès')

    reachable = true
    await user.click(screen.getByRole('button', { name: 'Entrer dans l’atelier' }))
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/atelier/w-lyon'))
  })

  it('sends someone who already joined on this device straight to the board', async () => {
    localStorage.setItem('loupe-token-w-lyon', 'tok-awa')
    fakeApi({ 'GET /api/codes/K7M3QX': () => ({ status: 200, body: lyon }) })
    const location = renderJoin('K7M3QX')
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/atelier/w-lyon'))
  })
})
