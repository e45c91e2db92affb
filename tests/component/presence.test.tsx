import { act, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { IDLE_AFTER_MS, presenceColor, type PresenceState } from '../../shared/protocol'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { PresenceList } from '../../client/features/presence/PresenceList'
import { refreshPeople, resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'

let unbind: (() => void) | null = null
const others: Awareness[] = []
afterEach(() => {
  unbind?.()
  unbind = null
  for (const awareness of others.splice(0)) awareness.destroy()
  resetStore()
})

/** Another person's device: its awareness state reaches ours as an encoded update, as over the wire. */
function personJoins(local: Awareness, state: PresenceState): Awareness {
  const remote = new Awareness(new Y.Doc())
  others.push(remote)
  remote.setLocalState(state)
  act(() => applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote'))
  return remote
}

const person = (
  id: string,
  name: string,
  centre: string,
  extra: Partial<PresenceState> = {},
): PresenceState => ({
  user: { id, name, centre, role: 'participant', color: presenceColor(id) },
  editing: null,
  lastActive: Date.now(),
  ...extra,
})

describe('presence', () => {
  it('lists names, centres and who is online, idle or away', () => {
    const { doc } = buildWorkshop()
    const local = new Awareness(doc)
    local.setLocalState(person('p-awa', 'Awa Diallo', 'CS La Passerelle'))
    unbind = openInStore(doc, {}, local)
    render(<PresenceList />)

    personJoins(
      local,
      person('p-leo', 'Léo Martin', 'CS du Vieux Port', { lastActive: Date.now() - IDLE_AFTER_MS - 1000 }),
    )
    personJoins(
      local,
      person('facilitator-1', 'Fédération', '', {
        user: { id: 'facilitator-1', name: 'Fédération', centre: '', role: 'facilitator', color: '#0e7490' },
      }),
    )

    const items = screen.getAllByRole('listitem')
    const rows = items.map((item) => item.textContent)
    expect(rows[0]).toBe('ADAwa Diallo (vous)CS La Passerelleen ligne')
    const awa = within(items[0]!)
    expect(awa.getByText('CS La Passerelle')).toBeInTheDocument()
    const leo = items.find((item) => item.textContent?.includes('Léo Martin'))!
    expect(within(leo).getByText('CS du Vieux Port')).toBeInTheDocument()
    expect(within(leo).getByText('inactif')).toBeInTheDocument()
    const facilitator = items.find((item) => item.textContent?.includes('Fédération'))!
    expect(within(facilitator).getByText('en ligne')).toBeInTheDocument()
    expect(facilitator).toHaveTextContent('· animation')
    expect(rows.indexOf(facilitator.textContent)).toBeLessThan(rows.indexOf(leo.textContent))
  })

  it('turns someone idle as time passes, and lists absent roster members as away', () => {
    const { doc } = buildWorkshop()
    const local = new Awareness(doc)
    const now = Date.now()
    local.setLocalState(person('p-awa', 'Awa Diallo', 'CS La Passerelle', { lastActive: now }))
    unbind = openInStore(doc, {}, local)
    render(<PresenceList />)
    // Léo is in the roster but has no open screen.
    const leo = screen.getByText('Léo Martin').closest('li')!
    expect(within(leo).getByText('hors ligne')).toBeInTheDocument()
    const awa = screen.getByText('Awa Diallo').closest('li')!
    expect(within(awa).getByText('en ligne')).toBeInTheDocument()
    act(() => refreshPeople(now + IDLE_AFTER_MS + 1))
    expect(within(screen.getByText('Awa Diallo').closest('li')!).getByText('inactif')).toBeInTheDocument()
  })

  it('shows on a card who is writing in it, by name and colour', () => {
    const { doc, cards } = buildWorkshop()
    const local = new Awareness(doc)
    local.setLocalState(person('p-awa', 'Awa Diallo', 'CS La Passerelle'))
    unbind = openInStore(doc, {}, local)
    render(<BoardScreen />)
    expect(screen.getByText('1 en ligne')).toBeInTheDocument()
    const leo = personJoins(local, person('p-leo', 'Léo Martin', 'CS du Vieux Port', { editing: cards.cafe }))
    const card = screen.getByDisplayValue('Ouvrir un café des parents le samedi').closest('li')!
    expect(within(card).getByText('Léo Martin écrit…')).toBeInTheDocument()
    expect(card).toHaveClass('card--busy')
    expect(screen.getByText('2 en ligne')).toBeInTheDocument()

    leo.setLocalState({ ...person('p-leo', 'Léo Martin', 'CS du Vieux Port'), editing: null })
    act(() => applyAwarenessUpdate(local, encodeAwarenessUpdate(leo, [leo.clientID]), 'remote'))
    expect(within(card).queryByText('Léo Martin écrit…')).not.toBeInTheDocument()
  })
})
