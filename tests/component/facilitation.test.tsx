import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openRound, setPhase, setTimer } from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'
import { stubCommands } from './support/commandStub'

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo()
  resetStore()
  vi.unstubAllGlobals()
})

/** The board as the facilitator sees it, with the server stubbed at the sync boundary. */
async function facilitatorBoard() {
  const fixture = buildWorkshop()
  cleanup.push(
    openInStore(fixture.doc, { role: 'facilitator', participantId: 'facilitator-1', name: 'Animation' }),
  )
  const commands = stubCommands()
  cleanup.push(commands.restore)
  render(<BoardScreen />)
  await screen.findByRole('navigation', { name: 'Étapes de l’atelier' })
  return { ...fixture, commands, user: userEvent.setup() }
}

describe('the facilitator’s bar', () => {
  it('moves between steps, forward, back or straight to one, the current one marked', async () => {
    const { doc, commands, user } = await facilitatorBoard()
    const steps = screen.getByRole('navigation', { name: 'Étapes de l’atelier' })
    expect(within(steps).getByRole('button', { name: 'Collecte' })).toHaveAttribute('aria-current', 'step')
    expect(within(steps).getByRole('button', { name: 'Première étape' })).toBeDisabled()

    await user.click(within(steps).getByRole('button', { name: 'Suivant : Regroupement' }))
    await user.click(within(steps).getByRole('button', { name: 'Vote' }))
    act(() => void setPhase(doc, 'vote'))
    expect(within(steps).getByRole('button', { name: 'Vote' })).toHaveAttribute('aria-current', 'step')
    await user.click(within(steps).getByRole('button', { name: 'Revenir à l’étape « Regroupement »' }))
    expect(commands.actions()).toEqual([
      { type: 'phase.set', phase: 'regroupement' },
      { type: 'phase.set', phase: 'vote' },
      { type: 'phase.set', phase: 'regroupement' },
    ])
  })

  it('locks the board on screen', async () => {
    const { themeId, commands, user } = await facilitatorBoard()
    const lock = screen.getByRole('button', {
      name: 'Verrouiller le tableau « Participation des habitants »',
    })
    expect(lock).toHaveAttribute('aria-pressed', 'false')
    await user.click(lock)
    expect(commands.actions()).toEqual([{ type: 'theme.lock', themeId, locked: true }])
  })

  it('starts, pauses, extends and stops the countdown', async () => {
    const { doc, commands, user } = await facilitatorBoard()
    await user.click(screen.getByRole('button', { name: /^Minuteur/ }))
    await user.click(screen.getByRole('button', { name: '5 min' }))
    const custom = screen.getByLabelText('Autre durée (minutes)')
    await user.clear(custom)
    await user.type(custom, '7.5')
    await user.click(screen.getByRole('button', { name: 'Lancer' }))
    act(() => setTimer(doc, { status: 'running', durationMs: 450_000, endsAt: Date.now() + 450_000 }))
    await user.click(screen.getByRole('button', { name: 'Pause' }))
    act(() => setTimer(doc, { status: 'paused', durationMs: 450_000, remainingMs: 400_000 }))
    await user.click(screen.getByRole('button', { name: 'Reprendre' }))
    await user.click(screen.getByRole('button', { name: '+1 min' }))
    await user.click(screen.getByRole('button', { name: 'Arrêter' }))
    expect(commands.actions()).toEqual([
      { type: 'timer.start', durationMs: 300_000 },
      { type: 'timer.start', durationMs: 450_000 },
      { type: 'timer.pause' },
      { type: 'timer.resume' },
      { type: 'timer.addMinute' },
      { type: 'timer.stop' },
    ])
  })

  it('opens a vote round with the chosen settings, then closes, reveals and restarts it', async () => {
    const { doc, themeId, commands, user } = await facilitatorBoard()
    await user.click(screen.getByRole('button', { name: /^Vote : tours et réglages/ }))
    const budget = screen.getByLabelText('Points par personne')
    await user.clear(budget)
    await user.type(budget, '5')
    const perItem = screen.getByLabelText('Au plus par élément')
    await user.clear(perItem)
    await user.type(perItem, '2')
    await user.click(screen.getByLabelText('Les cartes'))
    await user.click(screen.getByLabelText('Ce tableau seulement : Participation des habitants'))
    await user.click(screen.getByLabelText(/^Nominatifs/))
    await user.click(screen.getByRole('button', { name: 'Ouvrir le vote' }))
    expect(commands.actions()).toEqual([
      {
        type: 'round.open',
        settings: {
          budget: 5,
          maxPerItem: 2,
          targets: 'cards',
          scope: { kind: 'theme', themeId },
          anonymous: false,
        },
      },
    ])

    // The server opened it: the panel now steers the round.
    act(() => void openRound(doc, { ...DEFAULT_VOTE_SETTINGS, budget: 5 }, 1))
    await user.click(screen.getByRole('button', { name: /^Vote : tours et réglages/ }))
    expect(screen.getByText('Vote n°1 — ouvert')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clore le vote' }))
    await user.click(screen.getByRole('button', { name: 'Révéler les résultats' }))
    await user.click(screen.getByRole('button', { name: 'Recommencer le vote' }))
    await user.click(screen.getByRole('button', { name: 'Recommencer' }))
    expect(commands.actions().slice(1)).toEqual([
      { type: 'round.close' },
      { type: 'round.reveal' },
      { type: 'round.reset' },
    ])
  })

  it('refuses settings out of range before sending anything', async () => {
    const { commands, user } = await facilitatorBoard()
    await user.click(screen.getByRole('button', { name: /^Vote : tours et réglages/ }))
    const budget = screen.getByLabelText('Points par personne')
    await user.clear(budget)
    await user.type(budget, '25')
    expect(screen.getByRole('alert')).toHaveTextContent('De 1 à 20 points par personne')
    expect(screen.getByRole('button', { name: 'Ouvrir le vote' })).toBeDisabled()
    expect(commands.actions()).toEqual([])
  })

  it('opens the projector without any credential in its address, and picks what it shows', async () => {
    const open = vi.fn()
    vi.stubGlobal('open', open)
    const { themeId, commands, user } = await facilitatorBoard()
    await user.click(screen.getByRole('button', { name: 'Projeter' }))
    expect(open).toHaveBeenCalledWith('/atelier/w1/projection', 'loupe-projection-w1', 'popup')
    await user.click(screen.getByRole('button', { name: /^Ce que montre l’écran/ }))
    await user.click(screen.getByRole('button', { name: 'Le tableau « Participation des habitants »' }))
    await user.click(screen.getByRole('button', { name: /^Ce que montre l’écran/ }))
    await user.click(screen.getByRole('button', { name: 'Les résultats du vote' }))
    expect(commands.actions()).toEqual([
      { type: 'projector.follow', target: { kind: 'theme', themeId } },
      { type: 'projector.follow', target: { kind: 'results' } },
    ])
  })
})
