import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi } from './support/fakeApi'
import { renderAppAt } from './support/renderApp'

const serverDown = () => ({ status: 503, body: { error: 'unavailable', message: 'Try later' } })

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('a workshop opened while the server does not answer', () => {
  it('tells the participant and offers to try again', async () => {
    fakeApi({ 'GET /api/workshops/w-lyon': serverDown })
    renderAppAt('/atelier/w-lyon')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hors ligne' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(
      screen.getByText('Le serveur ne répond pas. Vérifiez la connexion puis réessayez.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument()
  })

  it('tells the projector the same', async () => {
    localStorage.setItem('loupe-cle-w-lyon', 'facilitator-key')
    const api = fakeApi({ 'GET /api/workshops/w-lyon/session': serverDown })
    renderAppAt('/atelier/w-lyon/projection')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hors ligne' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument()
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/workshops/w-lyon/session')
  })
})
