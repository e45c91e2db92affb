import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { indicatorsOn, type IndicatorInput } from '../../shared/indicators'
import { importIndicators, pinIndicator } from '../../shared/ops'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'
import { serveIndicatorCommands, stopServingCommands } from './support/indicatorServer'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  stopServingCommands()
  resetStore()
})

const FICTIONAL = 'Chiffres fictifs pour l’exemple'
const row = (
  indicator: string,
  value: number,
  unit: string,
  comparison: number | null,
  theme = 'Participation des habitants',
): IndicatorInput => ({
  theme,
  indicator,
  value,
  unit,
  comparison,
  comparisonLabel: comparison === null ? '' : 'moyenne nationale',
  source: FICTIONAL,
  year: 2023,
})

/** Text as the screen shows it, with its no-break spaces made plain. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ')

function workshopWithData() {
  const workshop = buildWorkshop()
  importIndicators(
    workshop.doc,
    [
      row('Centres ayant des habitants au conseil d’administration', 45, '%', 38),
      row('Partenaires par centre', 12.5, 'partenaires', 9.8, 'participation'),
      row('Budget annuel moyen', 1234.5, 'k€', null, 'Finances'),
    ],
    'append',
  )
  return workshop
}

const dataCards = () =>
  within(screen.getByRole('list', { name: 'Données de l’observatoire' })).getAllByRole('listitem')

describe('data cards', () => {
  it('show each pinned figure large, the comparison in words and two decorative bars', () => {
    const { doc } = workshopWithData()
    unbind = openInStore(doc)
    render(<BoardScreen />)
    const cards = dataCards()
    expect(cards).toHaveLength(2)
    const [first, second] = cards as [HTMLElement, HTMLElement]
    expect(plain(first.querySelector('.data-card__figure')?.textContent)).toBe('45 %')
    expect(first).toHaveAccessibleName('Centres ayant des habitants au conseil d’administration')
    expect(plain(within(first).getByText(/moyenne nationale/).textContent)).toBe('moyenne nationale : 38 %')
    expect(within(first).getByText(`${FICTIONAL}, 2023`)).toBeInTheDocument()
    const bars = first.querySelector('.data-bars')
    expect(bars).toHaveAttribute('aria-hidden', 'true')
    expect(
      [...(bars?.querySelectorAll<HTMLElement>('.data-bars__bar') ?? [])].map((bar) => bar.style.width),
    ).toEqual(['45%', '38%'])
    expect(plain(second.querySelector('.data-card__figure')?.textContent)).toBe('12,5 partenaires')
    expect(plain(within(second).getByText(/moyenne nationale/).textContent)).toBe(
      'moyenne nationale : 9,8 partenaires',
    )
    // A participant reads the figures; importing and pinning are the facilitator's.
    expect(screen.queryByRole('button', { name: /Retirer/ })).toBeNull()
    expect(screen.queryByText('Données de l’observatoire : importer, épingler')).toBeNull()
  })

  it('follow the document: a figure pinned by the facilitator appears on every screen', () => {
    const { doc, themeId } = workshopWithData()
    unbind = openInStore(doc)
    render(<BoardScreen />)
    const [budget] = indicatorsOn(doc, null)
    act(() => void pinIndicator(doc, budget?.id ?? '', themeId, 0))
    const cards = dataCards()
    expect(cards).toHaveLength(3)
    expect(plain(cards[0]?.querySelector('.data-card__figure')?.textContent)).toBe('1 234,5 k€')
    expect(cards[0]?.querySelector('.data-bars')).toBeNull()
  })

  it('let the facilitator move a card and take it off the board with the keyboard', async () => {
    const { doc } = workshopWithData()
    unbind = openInStore(doc, { role: 'facilitator', participantId: 'facilitator-1' })
    const received = serveIndicatorCommands(doc)
    const user = userEvent.setup()
    render(<BoardScreen />)
    const move = screen.getByRole('button', {
      name: 'Déplacer « Centres ayant des habitants au conseil d’administration » vers la droite',
    })
    move.focus()
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(dataCards().map((card) => card.querySelector('.data-card__name')?.textContent)).toEqual([
        'Partenaires par centre',
        'Centres ayant des habitants au conseil d’administration',
      ]),
    )
    await user.click(screen.getByRole('button', { name: 'Retirer « Partenaires par centre » du tableau' }))
    await waitFor(() => expect(dataCards()).toHaveLength(1))
    expect(indicatorsOn(doc, null).map((i) => i.indicator)).toEqual(
      ['Partenaires par centre', 'Budget annuel moyen'].sort(),
    )
    expect(received.map((c) => c.type)).toEqual(['indicator.pin', 'indicator.pin'])
  })
})
