import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { roots } from '../../shared/doc'
import {
  addCard,
  openRound,
  resolveText,
  setCardExample,
  setPhase,
  setThemeLock,
  spliceText,
} from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { LIMITS } from '../../shared/schema'
import { readBoard } from '../../shared/read'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { FIRST_STEP } from '../../client/hooks/useRevealInSteps'
import { resetStore } from '../../client/store'
import { RenderProbeContext, type RenderProbe } from '../../client/ui/renderProbe'
import { buildWorkshop, openInStore, remoteReplica } from './support/boardFixture'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

function cardTextsOf(doc: Y.Doc, perspectiveId: string | null): string[] {
  return readBoard(doc)
    .cards.filter((c) => c.place.perspectiveId === perspectiveId)
    .map((c) => c.text)
}

/** Counts the board's renders by component and id, from a probe handed to the board. */
function countRenders() {
  const renders = new Map<string, number>()
  const probe: RenderProbe = (component, id) =>
    renders.set(`${component}:${id}`, (renders.get(`${component}:${id}`) ?? 0) + 1)
  return { probe, clear: () => renders.clear(), seen: () => Object.fromEntries(renders) }
}

function renderBoard(probe?: RenderProbe) {
  return render(
    <RenderProbeContext.Provider value={probe ?? null}>
      <BoardScreen />
    </RenderProbeContext.Provider>,
  )
}

describe('board', () => {
  it('shows the workshop, its themes as tabs, numbered perspectives and their cards', async () => {
    const { doc } = buildWorkshop()
    unbind = openInStore(doc)
    const user = userEvent.setup()
    renderBoard()

    expect(
      screen.getByRole('heading', { level: 1, name: 'Rencontre des centres sociaux' }),
    ).toBeInTheDocument()
    expect(screen.getByText('14 mars 2025 · Maison des associations · Fédération')).toBeInTheDocument()
    expect(screen.getByText('Étape : Collecte')).toBeInTheDocument()
    expect(screen.getByText('K7M3QX')).toBeInTheDocument()

    const tabs = screen.getAllByRole('tab')
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Participation des habitants', 'Partenariats'])
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true')
    const panel = screen.getByRole('tabpanel', { name: 'Participation des habitants' })
    expect(within(panel).getByText(/chiffres de l’observatoire/)).toBeInTheDocument()

    const perspectives = within(within(panel).getByRole('list', { name: 'Perspectives' })).getAllByRole(
      'listitem',
      {
        name: /^\d\./,
      },
    )
    expect(perspectives).toHaveLength(2)
    expect(within(perspectives[0]!).getByRole('textbox', { name: 'Titre de la perspective 1' })).toHaveValue(
      'Aller vers les habitants',
    )
    expect(within(perspectives[1]!).getByRole('textbox', { name: 'Titre de la perspective 2' })).toHaveValue(
      'Former les équipes',
    )
    const firstCards = within(perspectives[0]!).getAllByRole('textbox', {
      name: /Texte de l’(action|exemple)/,
    })
    expect(firstCards.map((c) => (c as HTMLTextAreaElement).value)).toEqual([
      'Ouvrir un café des parents le samedi',
      'Faire du porte-à-porte avec les habitants relais',
      'Au marché, un stand a recueilli 60 idées',
    ])
    expect(firstCards[2]!.closest('li')).toHaveTextContent(/^Exemple/)
    expect(firstCards[2]).toHaveAccessibleName('Texte de l’exemple')
    const unsorted = within(panel).getByRole('region', { name: 'Idées à classer' })
    expect(within(unsorted).getByRole('textbox', { name: 'Texte de l’action' })).toHaveValue(
      'Un budget participatif par centre',
    )

    // Arrow keys move between the tabs, and the other theme's board shows.
    tabs[0]!.focus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Partenariats' })).toHaveFocus()
    expect(screen.getByRole('tab', { name: 'Partenariats' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel', { name: 'Partenariats' })).toBeInTheDocument()
  })

  it('adds a card to the document from the button, focused and bound to its text', async () => {
    const { doc, perspectives } = buildWorkshop()
    unbind = openInStore(doc)
    const user = userEvent.setup()
    renderBoard()

    await user.click(screen.getByRole('button', { name: 'Ajouter une action à la perspective 2' }))
    const added = readBoard(doc).cards.filter((c) => c.place.perspectiveId === perspectives.p2)
    expect(added).toHaveLength(2)
    expect(added[1]).toMatchObject({ text: '', example: false, author: 'p-awa' })
    const field = screen.getByRole('list', { name: 'Perspective 2' }).querySelectorAll('textarea')[1]!
    expect(field).toHaveFocus()
    await user.keyboard('Un temps de formation par trimestre')
    expect(cardTextsOf(doc, perspectives.p2)).toEqual([
      'Une formation commune à l’animation participative',
      'Un temps de formation par trimestre',
    ])

    await user.click(screen.getByRole('button', { name: 'Ajouter un exemple à la perspective 1' }))
    expect(
      readBoard(doc).cards.filter((c) => c.place.perspectiveId === perspectives.p1 && c.example),
    ).toHaveLength(2)
  })

  it('shows someone else’s typing in the card’s field without re-rendering any card, keeping the caret', async () => {
    const { doc, cards } = buildWorkshop()
    unbind = openInStore(doc)
    const remote = remoteReplica(doc)
    const renders = countRenders()
    renderBoard(renders.probe)
    const porte = screen.getByDisplayValue(
      'Faire du porte-à-porte avec les habitants relais',
    ) as HTMLTextAreaElement
    porte.focus()
    porte.setSelectionRange(9, 9) // after "Faire du "
    renders.clear()

    act(() => {
      spliceText(remote, { kind: 'card', id: cards.porte, field: 'text' }, 0, 0, 'Chaque mois : ')
    })

    expect(porte).toHaveValue('Chaque mois : Faire du porte-à-porte avec les habitants relais')
    expect(porte.selectionStart).toBe(9 + 'Chaque mois : '.length)
    expect(porte).toHaveFocus()
    expect(renders.seen()).toEqual({})

    // What the card itself shows (here, that it became an example) re-renders that card alone.
    act(() => void setCardExample(remote, cards.porte, true))
    expect(porte.closest('li')).toHaveTextContent(/^Exemple/)
    expect(renders.seen()).toEqual({ [`card:${cards.porte}`]: 1 })
  })

  it('during a vote on cards, renames the card’s vote button as someone else types, re-rendering that card alone', () => {
    const { doc, cards } = buildWorkshop()
    setPhase(doc, 'vote')
    openRound(doc, { ...DEFAULT_VOTE_SETTINGS, targets: 'cards' }, 10)
    // The facilitator can still edit the cards then: the field and the button both show the text.
    unbind = openInStore(doc, { role: 'facilitator', participantId: 'facilitator-1', name: 'Animation' })
    const remote = remoteReplica(doc)
    const renders = countRenders()
    renderBoard(renders.probe)
    const card = screen.getByDisplayValue('Ouvrir un café des parents le samedi').closest('li')!
    expect(within(card).getByRole('button', { name: 'Voter pour « Ouvrir un café des parents le samedi »' }))
    renders.clear()

    act(() => {
      spliceText(remote, { kind: 'card', id: cards.cafe, field: 'text' }, 0, 0, 'Chaque mois : ')
    })

    expect(
      within(card).getByRole('button', {
        name: 'Voter pour « Chaque mois : Ouvrir un café des parents le samedi »',
      }),
    ).toBeInTheDocument()
    expect(renders.seen()).toEqual({ [`card:${cards.cafe}`]: 1 })
  })

  it('on a full board of 500 cards, a remote edit to one card re-renders that card only', async () => {
    const { doc, themeId, perspectives } = buildWorkshop()
    const onBoard = readBoard(doc).cards.filter((c) => c.place.themeId === themeId).length
    const added: string[] = []
    doc.transact(() => {
      for (let i = onBoard; i < LIMITS.cardsPerBoard; i++) {
        const perspectiveId = [perspectives.p1, perspectives.p2, null][i % 3] ?? null
        const id = addCard(doc, { themeId, perspectiveId, text: `Idée numéro ${i + 1}`, author: 'p-awa' })
        if (id) added.push(id)
      }
    })
    expect(readBoard(doc).cards.filter((c) => c.place.themeId === themeId)).toHaveLength(500)
    unbind = openInStore(doc)
    const remote = remoteReplica(doc)
    const renders = countRenders()
    renderBoard(renders.probe)
    // The first cards of each list come at once, the rest over the next tasks, until every card is on screen.
    const cardsRendered = () => Object.keys(renders.seen()).filter((key) => key.startsWith('card:')).length
    expect(cardsRendered()).toBeLessThanOrEqual(3 * FIRST_STEP)
    await waitFor(() => expect(cardsRendered()).toBe(500))
    expect(document.querySelectorAll('[data-card-id]')).toHaveLength(500)
    const target = added[250] ?? ''
    renders.clear()

    act(() => {
      spliceText(remote, { kind: 'card', id: target, field: 'text' }, 0, 0, 'Revu : ')
    })
    expect(screen.getByDisplayValue(`Revu : Idée numéro ${onBoard + 251}`)).toBeInTheDocument()
    expect(renders.seen()).toEqual({})

    act(() => void setCardExample(remote, target, true))
    expect(renders.seen()).toEqual({ [`card:${target}`]: 1 })
  })

  it('moves a card with the keyboard: down within its list, then to another perspective', async () => {
    const { doc, cards, perspectives } = buildWorkshop()
    unbind = openInStore(doc)
    const user = userEvent.setup()
    renderBoard()

    const cafe = screen.getByDisplayValue('Ouvrir un café des parents le samedi')
    cafe.focus()
    await user.tab()
    const tools = within(cafe.closest('li')!).getByRole('button', { name: 'Actions sur la carte' })
    expect(tools).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(tools).toHaveAttribute('aria-expanded', 'true')
    const panel = screen.getByRole('group', { name: 'Actions sur la carte' })
    expect(within(panel).getByRole('button', { name: /Monter la carte/ })).toBeDisabled()

    within(panel)
      .getByRole('button', { name: /Descendre la carte/ })
      .focus()
    await user.keyboard('{Enter}')
    expect(cardTextsOf(doc, perspectives.p1)[1]).toBe('Ouvrir un café des parents le samedi')
    const list = screen.getByRole('list', { name: 'Perspective 1' })
    expect([...list.querySelectorAll('textarea')].map((t) => t.value)[1]).toBe(
      'Ouvrir un café des parents le samedi',
    )
    expect(screen.getByRole('button', { name: /Descendre la carte/ })).toHaveFocus()

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Déplacer la carte vers' }),
      '2. Former les équipes',
    )
    expect(readBoard(doc).cards.find((c) => c.id === cards.cafe)?.place.perspectiveId).toBe(perspectives.p2)
    expect(cardTextsOf(doc, perspectives.p2).at(-1)).toBe('Ouvrir un café des parents le samedi')
    expect(
      within(screen.getByRole('list', { name: 'Perspective 2' })).getByDisplayValue(
        'Ouvrir un café des parents le samedi',
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Déplacer la carte vers' })).toHaveFocus()

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Déplacer la carte vers' }),
      'Idées à classer',
    )
    expect(cardTextsOf(doc, null)).toEqual([
      'Un budget participatif par centre',
      'Ouvrir un café des parents le samedi',
    ])
  })

  it('deletes a card and puts it back with undo', async () => {
    const { doc, perspectives } = buildWorkshop()
    unbind = openInStore(doc)
    const user = userEvent.setup()
    renderBoard()
    const card = screen.getByDisplayValue('Faire du porte-à-porte avec les habitants relais').closest('li')!
    await user.click(within(card).getByRole('button', { name: 'Actions sur la carte' }))
    await user.click(screen.getByRole('button', { name: /Supprimer la carte/ }))
    expect(cardTextsOf(doc, perspectives.p1)).not.toContain(
      'Faire du porte-à-porte avec les habitants relais',
    )
    expect(screen.getByText('Carte supprimée.')).toBeInTheDocument()
    const undo = screen.getByRole('button', { name: 'Annuler la suppression' })
    expect(undo).toHaveFocus()
    await user.click(undo)
    expect(cardTextsOf(doc, perspectives.p1)).toEqual([
      'Ouvrir un café des parents le samedi',
      'Faire du porte-à-porte avec les habitants relais',
      'Au marché, un stand a recueilli 60 idées',
    ])
  })

  it('moves and deletes perspectives; the cards of a deleted one go to the ideas to sort', async () => {
    const { doc, perspectives } = buildWorkshop()
    unbind = openInStore(doc)
    const user = userEvent.setup()
    renderBoard()
    await user.click(screen.getByRole('button', { name: 'Actions sur la perspective 2' }))
    await user.click(screen.getByRole('button', { name: /Monter la perspective 2/ }))
    expect(screen.getByRole('textbox', { name: 'Titre de la perspective 1' })).toHaveValue(
      'Former les équipes',
    )
    // The moved perspective keeps its tools open, the focus on the button still useful.
    expect(screen.getByRole('button', { name: /Descendre la perspective 1/ })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('button', { name: 'Actions sur la perspective 1' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await user.click(screen.getByRole('button', { name: /Supprimer la perspective 1/ }))
    expect(
      screen.getByText('Supprimer la perspective 1 ? Ses cartes iront dans « Idées à classer ».'),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Supprimer' }))
    expect(roots(doc).perspectives.has(perspectives.p2)).toBe(false)
    expect(cardTextsOf(doc, null)).toContain('Une formation commune à l’animation participative')
    expect(screen.getAllByRole('textbox', { name: /Titre de la perspective/ })).toHaveLength(1)
  })

  it('shows the board read-only, with a notice, when the phase is vote for a participant', () => {
    const { doc } = buildWorkshop()
    unbind = openInStore(doc)
    renderBoard()
    expect(screen.getAllByRole('button', { name: /Ajouter une action/ })).toHaveLength(2)

    act(() => {
      setPhase(doc, 'vote')
    })
    expect(screen.getByRole('note')).toHaveTextContent('Étape « Vote » : les tableaux sont en lecture seule.')
    expect(screen.queryByRole('button', { name: /Ajouter/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Actions sur/ })).not.toBeInTheDocument()
    expect(screen.getByText('Ouvrir un café des parents le samedi')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '1. Aller vers les habitants' })).toBeInTheDocument()
  })

  it('says a locked board is read-only, while the facilitator still edits it and shapes the workshop', async () => {
    const { doc, themeId } = buildWorkshop()
    act(() => setThemeLock(doc, themeId, true))
    unbind = openInStore(doc)
    const view = renderBoard()
    expect(screen.getByRole('note')).toHaveTextContent('L’animation a verrouillé ce tableau')
    view.unmount()
    unbind()

    unbind = openInStore(doc, { role: 'facilitator', participantId: 'facilitator-1', name: 'Fédération' })
    const user = userEvent.setup()
    renderBoard()
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Nom du tableau' })).toHaveValue('Participation des habitants')
    const question = screen.getByRole('textbox', { name: 'Question 1' })
    await user.click(question)
    await user.keyboard('{End} (en 2024)')
    expect(resolveText(doc, { kind: 'question', id: themeId, index: 0 })?.toString()).toMatch(/\(en 2024\)$/)
    await user.click(screen.getByRole('button', { name: 'Ajouter un tableau' }))
    expect(screen.getAllByRole('tab')).toHaveLength(3)
    expect(screen.getByRole('tab', { name: 'Nouveau tableau' })).toHaveAttribute('aria-selected', 'true')
  })
})
