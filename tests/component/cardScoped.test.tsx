import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveText, spliceText } from '../../shared/ops'
import { requestFocus, resetStore, useCardScoped, type LoupeState } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

/** How many times each card's selector ran. */
const calls = new Map<string, number>()

function CardText({ id }: { id: string }) {
  const text = useCardScoped(id, (s: LoupeState) => {
    calls.set(id, (calls.get(id) ?? 0) + 1)
    return `${s.cardsById.get(id)?.text ?? ''}${s.focusId === id ? ' (focus)' : ''}`
  })
  return <p data-testid={id}>{text}</p>
}

describe('card-scoped store subscriptions', () => {
  it('tell only the card whose record changed, and every card of any other change', () => {
    const { doc, cards } = buildWorkshop()
    unbind = openInStore(doc)
    const ids = Object.values(cards)
    render(
      <>
        {ids.map((id) => (
          <CardText key={id} id={id} />
        ))}
      </>,
    )
    calls.clear()

    // Someone else types into one card: that card alone runs its selector, and shows the letter.
    const ref = { kind: 'card', id: cards.cafe, field: 'text' } as const
    act(() => spliceText(doc, ref, resolveText(doc, ref)!.length, 0, '!'))
    expect(screen.getByTestId(cards.cafe)).toHaveTextContent('Ouvrir un café des parents le samedi!')
    expect([...calls.keys()]).toEqual([cards.cafe])

    // A change outside the cards (a field asked to take the focus) reaches every card.
    calls.clear()
    act(() => requestFocus(cards.porte))
    expect(screen.getByTestId(cards.porte)).toHaveTextContent('(focus)')
    expect(new Set(calls.keys())).toEqual(new Set(ids))
  })
})
