import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { openRound, revealRound, setCardHidden, setPhase } from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

/** Rows of the ranking as people read them: rank (and "ex æquo"), item, dots. */
function rows() {
  return within(screen.getByRole('list', { name: 'Classement' }))
    .getAllByRole('listitem')
    .map((li) => ({
      rank: li.querySelector('.result__rank')?.textContent?.replace('.', '').trim(),
      text: li.querySelector('.result__text')?.textContent,
      votes: li.querySelector('.result__votes')?.textContent,
      voters: li.querySelector('.result__voters')?.textContent ?? null,
    }))
}

describe('results', () => {
  it('ranks the revealed round, ties shown as ties, with who voted in a named round', async () => {
    const { doc, perspectives, cards } = buildWorkshop()
    const round = openRound(
      doc,
      { ...DEFAULT_VOTE_SETTINGS, budget: 5, maxPerItem: 3, targets: 'both', anonymous: false },
      1,
    )
    setCardHidden(doc, cards.marche, true)
    revealRound(doc, {
      roundId: round.id,
      totals: {
        [perspectives.p1]: 3,
        [perspectives.p2]: 3,
        [cards.idee]: 2,
        [cards.cafe]: 1,
        [cards.marche]: 4,
      },
      voters: {
        [perspectives.p1]: ['p-awa', 'p-leo'],
        [perspectives.p2]: ['p-leo'],
        [cards.idee]: ['p-awa'],
        [cards.cafe]: ['p-leo'],
      },
    })
    setPhase(doc, 'resultats')
    unbind = openInStore(doc)
    render(<BoardScreen />)

    expect(await screen.findByRole('heading', { name: 'Résultats du vote n°1' })).toBeInTheDocument()
    // The hidden card's dots are not ranked: hidden cards are out of the vote.
    expect(rows()).toEqual([
      {
        rank: '1ex æquo',
        text: 'Aller vers les habitants',
        votes: '3 points',
        voters: 'Voté par Awa Diallo et Léo Martin',
      },
      { rank: '1ex æquo', text: 'Former les équipes', votes: '3 points', voters: 'Voté par Léo Martin' },
      {
        rank: '3',
        text: 'Un budget participatif par centre',
        votes: '2 points',
        voters: 'Voté par Awa Diallo',
      },
      {
        rank: '4',
        text: 'Ouvrir un café des parents le samedi',
        votes: '1 point',
        voters: 'Voté par Léo Martin',
      },
    ])
    expect(screen.getByText('2 éléments sans point')).toBeInTheDocument()

    // Bars are as long as each item's share of the top score.
    const fills = [...document.querySelectorAll<HTMLElement>('.result__fill')].map((el) =>
      el.style.getPropertyValue('--share'),
    )
    expect(fills.map(Number)).toEqual([1, 1, 2 / 3, 1 / 3])

    // One board at a time: the other board has no dots.
    await userEvent.click(screen.getByRole('button', { name: 'Partenariats' }))
    expect(screen.getByText('Aucun point n’a été placé dans ce tour.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Partenariats' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('stays hidden until the facilitator reveals the round', () => {
    const { doc } = buildWorkshop()
    openRound(doc, DEFAULT_VOTE_SETTINGS, 1)
    setPhase(doc, 'vote')
    unbind = openInStore(doc)
    render(<BoardScreen />)
    expect(screen.queryByRole('heading', { name: /Résultats du vote/ })).toBeNull()
    expect(screen.queryByRole('list', { name: 'Classement' })).toBeNull()
  })
})
