import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore, useLoupeStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

const OFFLINE = 'Hors ligne — vos modifications sont conservées et seront envoyées au retour de la connexion'

describe('connection status on the board', () => {
  it('says plainly when the board is offline, keeps it editable, and announces the way back', () => {
    unbind = openInStore(buildWorkshop().doc)
    render(<BoardScreen />)
    const live = screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!
    expect(screen.getByText('En ligne')).toBeInTheDocument()
    expect(screen.queryByText(OFFLINE, { selector: '.banner' })).not.toBeInTheDocument()

    act(() => useLoupeStore.setState({ connection: 'offline' }))
    expect(screen.getByText(OFFLINE, { selector: '.banner' })).toBeInTheDocument()
    expect(live).toHaveTextContent(OFFLINE)
    expect(screen.getByText('Hors ligne')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: /Ajouter une action/ }).length).toBeGreaterThan(0)

    act(() => useLoupeStore.setState({ connection: 'synced' }))
    expect(live).toHaveTextContent('Connecté, tableau à jour')
    expect(screen.queryByText(OFFLINE, { selector: '.banner' })).not.toBeInTheDocument()
  })

  it('tells a removed participant why the board closed and offers to join again', () => {
    unbind = openInStore(buildWorkshop().doc)
    render(<BoardScreen />)
    act(() => useLoupeStore.setState({ connection: 'removed' }))
    expect(
      screen.getByRole('heading', { level: 1, name: 'L’animation vous a retiré de cet atelier.' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Rejoindre à nouveau' })).toHaveAttribute(
      'href',
      '/rejoindre/K7M3QX',
    )
  })

  it('shows "Atelier introuvable" when the server no longer knows the workshop', () => {
    unbind = openInStore(buildWorkshop().doc)
    render(<BoardScreen />)
    act(() => useLoupeStore.setState({ connection: 'not_found' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Atelier introuvable' })).toBeInTheDocument()
  })

  it('says once that a refused change made the board reload', () => {
    unbind = openInStore(buildWorkshop().doc)
    render(<BoardScreen />)
    act(() => useLoupeStore.setState({ resyncs: 1 }))
    expect(
      screen.getByText('Une modification a été refusée : le tableau a été rechargé depuis le serveur.'),
    ).toBeInTheDocument()
  })
})
