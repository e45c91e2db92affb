import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi } from './support/fakeApi'
import { renderAppAt } from './support/renderApp'

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('not found', () => {
  it('says "Atelier introuvable" for an unknown workshop, with a link home', async () => {
    const api = fakeApi({})
    renderAppAt('/atelier/inconnu')
    expect(await screen.findByRole('heading', { level: 1, name: 'Atelier introuvable' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '/')
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/workshops/inconnu'])
  })

  it('says so too when a stored token points at a workshop that no longer exists', async () => {
    localStorage.setItem('loupe-token-parti', 'tok')
    fakeApi({})
    renderAppAt('/atelier/parti')
    expect(await screen.findByRole('heading', { level: 1, name: 'Atelier introuvable' })).toBeInTheDocument()
  })

  it('sends a participant without a token to the join form of that workshop', async () => {
    const lyon = { id: 'w-lyon', title: 'Rencontre', joinCode: 'K7M3QX' }
    fakeApi({
      'GET /api/workshops/w-lyon': () => ({ status: 200, body: lyon }),
      'GET /api/codes/K7M3QX': () => ({ status: 200, body: lyon }),
    })
    const location = renderAppAt('/atelier/w-lyon')
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/rejoindre/K7M3QX'))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rejoindre « Rencontre »' }),
    ).toBeInTheDocument()
  })

  it('shows a not-found page for any other address', async () => {
    renderAppAt('/nimporte/quoi')
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument()
  })
})
