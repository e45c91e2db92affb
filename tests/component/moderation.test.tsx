import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { refreshPeople, resetStore } from '../../client/store'
import { buildWorkshop, openInStore } from './support/boardFixture'
import { stubCommands } from './support/commandStub'
import { fakeApi } from './support/fakeApi'

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo()
  resetStore()
  vi.unstubAllGlobals()
})

async function facilitatorBoard() {
  const fixture = buildWorkshop()
  cleanup.push(
    openInStore(fixture.doc, {
      role: 'facilitator',
      participantId: 'facilitator-1',
      name: 'Animation',
      token: 'cle-secrete',
    }),
  )
  const commands = stubCommands()
  cleanup.push(commands.restore)
  render(<BoardScreen />)
  await screen.findByRole('navigation', { name: 'Étapes de l’atelier' })
  return { ...fixture, commands, user: userEvent.setup() }
}

/** Opens the tools of the card showing `text`. */
async function cardTools(user: ReturnType<typeof userEvent.setup>, text: string) {
  const card = screen.getByDisplayValue(text).closest('li')
  if (!card) throw new Error(`no card "${text}"`)
  await user.click(within(card).getByRole('button', { name: 'Actions sur la carte' }))
  return within(screen.getByRole('group', { name: 'Actions sur la carte' }))
}

describe('moderation by the facilitator', () => {
  it('hides a card, shows it on the projector, and merges it into another', async () => {
    const { cards, commands, user } = await facilitatorBoard()
    let tools = await cardTools(user, 'Faire du porte-à-porte avec les habitants relais')
    await user.click(tools.getByRole('button', { name: 'Masquer aux participants' }))
    await user.click(tools.getByRole('button', { name: 'Montrer sur l’écran' }))

    tools = await cardTools(user, 'Faire du porte-à-porte avec les habitants relais')
    await user.selectOptions(
      tools.getByRole('combobox', { name: 'Fusionner cette carte dans une autre carte du tableau' }),
      'Ouvrir un café des parents le samedi',
    )
    expect(tools.getByText(/Fusionner dans « Ouvrir un café des parents le samedi » \?/)).toBeInTheDocument()
    await user.click(tools.getByRole('button', { name: 'Fusionner' }))
    expect(commands.actions()).toEqual([
      { type: 'card.hide', cardId: cards.porte, hidden: true },
      { type: 'projector.follow', target: { kind: 'card', cardId: cards.porte } },
      { type: 'card.merge', sourceId: cards.porte, targetId: cards.cafe },
    ])
  })

  it('removes a participant from the presence list, after confirming', async () => {
    const { commands, user } = await facilitatorBoard()
    // Nobody is online: the list shows the roster (people who joined), which is whom one removes.
    act(() => refreshPeople())
    await user.click(screen.getByText(/en ligne/, { selector: '.presence__count' }))
    expect(screen.queryByRole('button', { name: 'Retirer Animation' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Retirer Awa Diallo' }))
    const confirm = screen.getByRole('group', { name: 'Retirer Awa Diallo' })
    expect(confirm).toHaveTextContent('Son accès ne fonctionnera plus ; ses cartes restent.')
    await user.click(within(confirm).getByRole('button', { name: 'Retirer de l’atelier' }))
    expect(commands.actions()).toEqual([{ type: 'participant.remove', participantId: 'p-awa' }])
  })

  it('downloads exports with the facilitator key in the header only, and says so when the server has none', async () => {
    const api = fakeApi({
      'GET /api/workshops/w1/export?format=md': () => ({ status: 200, body: '# Synthèse' }),
    })
    // jsdom has no object URLs: these two stand in for the browser's download plumbing.
    const createObjectURL = vi.fn(() => 'blob:synthese')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    cleanup.push(() => {
      Reflect.deleteProperty(URL, 'createObjectURL')
      Reflect.deleteProperty(URL, 'revokeObjectURL')
    })
    const { user } = await facilitatorBoard()
    await user.click(screen.getByRole('button', { name: /^Exporter/ }))
    await user.click(screen.getByRole('button', { name: /Synthèse \(Markdown\)/ }))
    expect(await screen.findByText('Fichier téléchargé : atelier.md')).toBeInTheDocument()
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    expect(api.requests[0]).toMatchObject({
      path: '/api/workshops/w1/export?format=md',
      headers: { Authorization: 'Bearer cle-secrete' },
    })

    await user.click(screen.getByRole('button', { name: /Votes \(CSV\)/ }))
    expect(
      await screen.findByText('L’export n’est pas disponible sur ce serveur pour le moment.'),
    ).toBeInTheDocument()
  })

  it('adds a co-facilitator and shows their link once', async () => {
    const api = fakeApi({
      'POST /api/workshops/w1/facilitators': () => ({
        status: 201,
        body: { facilitatorKey: 'k2', facilitatorPath: '/atelier/w1/animer#cle=k2' },
      }),
    })
    const { user } = await facilitatorBoard()
    await user.click(screen.getByText(/en ligne/, { selector: '.presence__count' }))
    await user.click(screen.getByRole('button', { name: 'Ajouter une co-animation' }))
    await user.type(screen.getByLabelText('Nom (facultatif)'), 'Inès')
    await user.click(screen.getByRole('button', { name: 'Créer le lien' }))
    expect(await screen.findByDisplayValue(`${location.origin}/atelier/w1/animer#cle=k2`)).toBeInTheDocument()
    expect(api.requests[0]).toMatchObject({
      body: { name: 'Inès' },
      headers: { Authorization: 'Bearer cle-secrete' },
    })
  })

  it('offers none of this to participants', async () => {
    const fixture = buildWorkshop()
    cleanup.push(openInStore(fixture.doc))
    render(<BoardScreen />)
    const user = userEvent.setup()
    expect(screen.queryByRole('navigation', { name: 'Étapes de l’atelier' })).toBeNull()
    await cardTools(user, 'Faire du porte-à-porte avec les habitants relais')
    expect(screen.queryByRole('button', { name: 'Masquer aux participants' })).toBeNull()
    act(() => refreshPeople())
    await user.click(screen.getByText(/en ligne/, { selector: '.presence__count' }))
    expect(screen.getByText('Léo Martin')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Retirer/ })).toBeNull()
  })
})
