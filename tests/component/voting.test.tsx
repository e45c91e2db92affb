import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { openRound, setCardHidden, setPhase } from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS, type VoteSettings } from '../../shared/voting'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore, useLoupeStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'
import { stubCommands } from './support/commandStub'

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo()
  resetStore()
})

/** A workshop in the vote step with an open round; returns the fixture and the round's id. */
function votingWorkshop(settings: Partial<VoteSettings> = {}) {
  const fixture = buildWorkshop()
  setPhase(fixture.doc, 'vote')
  const round = openRound(fixture.doc, { ...DEFAULT_VOTE_SETTINGS, ...settings }, 10)
  return { ...fixture, roundId: round.id }
}

/** The ballot the server would send this participant. */
function receiveBallot(roundId: string, ballot: Record<string, number>) {
  act(() => useLoupeStore.setState({ vote: { roundId, ballot } }))
}

const perspectiveItem = (title: string) => screen.getByRole('listitem', { name: new RegExp(title) })

function open(doc: Y.Doc, role: 'participant' | 'facilitator' = 'participant') {
  cleanup.push(
    openInStore(
      doc,
      role === 'facilitator' ? { role, participantId: 'facilitator-1', name: 'Animation' } : {},
    ),
  )
}

describe('dot voting on the board', () => {
  it('offers a dot on each votable perspective and says how many are left', async () => {
    const { doc, roundId } = votingWorkshop({ budget: 3, maxPerItem: 1, targets: 'perspectives' })
    open(doc)
    const commands = stubCommands()
    cleanup.push(commands.restore)
    render(<BoardScreen />)

    expect(screen.getByText('Il vous reste 3 points sur 3')).toBeInTheDocument()
    expect(screen.getByText('0 / 2 participants ont voté')).toBeInTheDocument()
    // Perspectives take dots in this round, cards do not.
    const first = perspectiveItem('Aller vers les habitants')
    expect(within(first).getAllByRole('button', { name: /^Voter/ })).toHaveLength(1)
    const vote = within(first).getByRole('button', { name: 'Voter pour « Aller vers les habitants »' })
    expect(vote).toHaveAttribute('aria-disabled', 'false')
    expect(within(first).queryByRole('button', { name: /^Retirer/ })).toBeNull()

    await userEvent.click(vote)
    expect(commands.actions()).toEqual([{ type: 'vote.add', itemId: expect.any(String) }])

    // The server's answer: one dot on it. The per-item limit (1) is reached, the budget is not.
    const [p1] =
      Object.entries(useLoupeStore.getState().perspectivesById).find(
        ([, p]) => p.title === 'Aller vers les habitants',
      ) ?? []
    receiveBallot(roundId, { [p1!]: 1 })
    expect(screen.getByText('Il vous reste 2 points sur 3')).toBeInTheDocument()
    expect(within(first).getByText('Vos points : 1')).toBeInTheDocument()
    expect(within(first).getByRole('button', { name: /^Voter/ })).toHaveAttribute('aria-disabled', 'true')
    const other = perspectiveItem('Former les équipes')
    expect(within(other).getByRole('button', { name: /^Voter/ })).toHaveAttribute('aria-disabled', 'false')

    await userEvent.click(
      within(first).getByRole('button', { name: 'Retirer un point pour « Aller vers les habitants »' }),
    )
    expect(commands.actions().at(-1)).toEqual({ type: 'vote.remove', itemId: p1 })
  })

  it('greys every "Voter" once the budget is spent, and shows the server’s refusal when pressed anyway', async () => {
    const { doc, roundId, perspectives } = votingWorkshop({ budget: 2, maxPerItem: 2, targets: 'both' })
    open(doc)
    const commands = stubCommands((command) =>
      command.type === 'vote.add' ? { ok: false, error: 'budget' } : { ok: true },
    )
    cleanup.push(commands.restore)
    render(<BoardScreen />)
    receiveBallot(roundId, { [perspectives.p1]: 2 })

    expect(screen.getByText('Il vous reste 0 point sur 2')).toBeInTheDocument()
    const voteButtons = screen.getAllByRole('button', { name: /^Voter pour/ })
    // Two perspectives and the five cards of the first theme.
    expect(voteButtons).toHaveLength(7)
    for (const button of voteButtons) expect(button).toHaveAttribute('aria-disabled', 'true')

    const group = screen.getByRole('group', { name: 'Vote pour « Former les équipes »' })
    await userEvent.click(within(group).getByRole('button', { name: /^Voter/ }))
    expect(commands.actions()).toEqual([{ type: 'vote.add', itemId: perspectives.p2 }])
    expect(
      await screen.findByText('Vous avez placé tous vos points : retirez-en un pour voter ailleurs.'),
    ).toBeInTheDocument()
  })

  it('adds and removes dots from the keyboard with + and −', async () => {
    const { doc, roundId, perspectives } = votingWorkshop({ budget: 3, maxPerItem: 3 })
    open(doc)
    const commands = stubCommands()
    cleanup.push(commands.restore)
    render(<BoardScreen />)
    receiveBallot(roundId, { [perspectives.p2]: 1 })
    const group = screen.getByRole('group', { name: 'Vote pour « Former les équipes »' })
    within(group)
      .getByRole('button', { name: /^Voter/ })
      .focus()
    await userEvent.keyboard('+')
    await userEvent.keyboard('-')
    expect(commands.actions()).toEqual([
      { type: 'vote.add', itemId: perspectives.p2 },
      { type: 'vote.remove', itemId: perspectives.p2 },
    ])
  })

  it('offers dots again when the facilitator reopens the round from the results', () => {
    const { doc } = votingWorkshop({ targets: 'perspectives' })
    setPhase(doc, 'resultats')
    open(doc)
    render(<BoardScreen />)
    expect(screen.getAllByRole('button', { name: /^Voter pour/ })).toHaveLength(2)
    expect(screen.getByText('Il vous reste 3 points sur 3')).toBeInTheDocument()
  })

  it('shows no dot button outside an open round', () => {
    const { doc } = buildWorkshop()
    setPhase(doc, 'vote')
    open(doc)
    render(<BoardScreen />)
    expect(screen.queryByRole('button', { name: /^Voter/ })).toBeNull()
    expect(screen.queryByText(/Il vous reste/)).toBeNull()
  })
})

describe('hidden cards', () => {
  it('are not shown to participants, and cannot take dots', () => {
    const { doc, cards } = votingWorkshop({ targets: 'cards' })
    setCardHidden(doc, cards.porte, true)
    open(doc)
    render(<BoardScreen />)
    expect(screen.queryByText('Faire du porte-à-porte avec les habitants relais')).toBeNull()
    expect(screen.getByText('Ouvrir un café des parents le samedi')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /porte-à-porte/ })).toBeNull()
    expect(screen.queryByText('Masquée')).toBeNull()
  })

  it('are shown dimmed with a "Masquée" badge to the facilitator', () => {
    const { doc, cards } = buildWorkshop()
    setCardHidden(doc, cards.porte, true)
    open(doc, 'facilitator')
    const { container } = render(<BoardScreen />)
    const hidden = container.querySelector(`[data-card-id="${cards.porte}"]`)
    expect(hidden).toHaveClass('card--hidden')
    expect(hidden).toHaveTextContent('Masquée')
    expect(container.querySelector(`[data-card-id="${cards.cafe}"]`)).not.toHaveClass('card--hidden')
  })
})
