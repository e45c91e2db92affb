import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openRound, setCardHidden, setFollow, setPhase } from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { ProjectorScreen } from '../../client/features/projector/ProjectorScreen'
import { resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

function project(doc: Parameters<typeof openInStore>[0]) {
  unbind = openInStore(doc, {
    role: 'projector',
    participantId: 'facilitator-1',
    name: 'Animation',
    token: 'cle-secrete',
  })
  return render(<ProjectorScreen />)
}

describe('the projected screen', () => {
  it('shows the board the facilitator follows, read-only and without hidden cards', () => {
    const { doc, themeId, cards } = buildWorkshop()
    setCardHidden(doc, cards.porte, true)
    setFollow(doc, { kind: 'theme', themeId })
    const { container } = project(doc)
    expect(screen.getByRole('heading', { level: 2, name: 'Participation des habitants' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Perspective 1' })).toHaveTextContent(
      'Aller vers les habitants',
    )
    expect(screen.getByText('Ouvrir un café des parents le samedi')).toBeInTheDocument()
    expect(screen.queryByText('Faire du porte-à-porte avec les habitants relais')).toBeNull()
    expect(container.querySelectorAll('button, input, textarea, select')).toHaveLength(0)
    expect(container.textContent).not.toContain('cle-secrete')
  })

  it('shows one perspective, or one card, big', () => {
    const { doc, perspectives, cards } = buildWorkshop()
    setFollow(doc, { kind: 'perspective', perspectiveId: perspectives.p2 })
    project(doc)
    expect(screen.getByRole('heading', { level: 2, name: '2. Former les équipes' })).toBeInTheDocument()
    expect(screen.getByText('Une formation commune à l’animation participative')).toBeInTheDocument()
    cleanup()
    unbind?.()

    setFollow(doc, { kind: 'card', cardId: cards.idee })
    project(doc)
    expect(screen.getByText('Participation des habitants · Idées à classer')).toBeInTheDocument()
    expect(screen.getByText('Un budget participatif par centre')).toBeInTheDocument()
  })

  it('falls back to how to join when the followed card was hidden, and shows the vote’s progress during the vote', () => {
    const { doc, cards } = buildWorkshop()
    setFollow(doc, { kind: 'card', cardId: cards.cafe })
    setCardHidden(doc, cards.cafe, true)
    project(doc)
    expect(screen.getByRole('heading', { name: 'Rejoignez l’atelier' })).toBeInTheDocument()
    expect(screen.getByText('2 personnes ont rejoint l’atelier')).toBeInTheDocument()
    cleanup()
    unbind?.()

    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    setPhase(doc, 'vote')
    project(doc)
    expect(screen.getByRole('heading', { name: 'Vote n°1 en cours' })).toBeInTheDocument()
    expect(screen.getByText('0 / 2 ont voté')).toBeInTheDocument()
  })
})
