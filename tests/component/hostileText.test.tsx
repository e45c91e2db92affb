import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveText, setFollow, spliceText } from '../../shared/ops'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { ProjectorScreen } from '../../client/features/projector/ProjectorScreen'
import { resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

// What a participant might type, on purpose or by pasting: markup, Markdown, bidi overrides, zero-width joiners,
// a very long word and emoji. All of it must show as the very text typed, never as markup.
const HOSTILE =
  '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> **gras** [lien](javascript:x) ' +
  '\u202Eesrever\u202C a\u200Db ' +
  'x'.repeat(300) +
  ' 🎉👩🏽‍🏫'

let unbind: (() => void) | null = null
afterEach(() => {
  unbind?.()
  unbind = null
  resetStore()
})

function workshopWithHostileCard() {
  const fixture = buildWorkshop()
  const ref = { kind: 'card', id: fixture.cards.cafe, field: 'text' } as const
  const length = resolveText(fixture.doc, ref)?.length ?? 0
  spliceText(fixture.doc, ref, 0, length, HOSTILE)
  return fixture
}

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelector('script, img, a[href^="javascript"], strong')).toBeNull()
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
}

describe('hostile card text', () => {
  it('shows as the text typed on the board', () => {
    const { doc } = workshopWithHostileCard()
    unbind = openInStore(doc)
    const { container } = render(<BoardScreen />)
    expect(screen.getByDisplayValue(HOSTILE)).toBeInTheDocument()
    expectNoMarkupFrom(container)
  })

  it('shows as the text typed on the projector', () => {
    const { doc, cards } = workshopWithHostileCard()
    setFollow(doc, { kind: 'card', cardId: cards.cafe })
    unbind = openInStore(doc, {
      role: 'projector',
      participantId: 'facilitator-1',
      name: 'Animation',
      token: 'k',
    })
    const { container } = render(<ProjectorScreen />)
    expect(container.textContent).toContain(HOSTILE)
    expectNoMarkupFrom(container)
  })
})
