import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { describeIssue, parseIndicatorCsv, readIndicators, type CsvIssue } from '../../shared/indicators'
import { BoardScreen } from '../../client/features/board/BoardScreen'
import { issueText } from '../../client/features/data/issueText'
import { t } from '../../client/i18n'
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

const HEADER = 'thème;indicateur;valeur;unité;comparaison;libellé comparaison;source;année'
/** The import form's own live status line (the board has others). */
const importStatus = () =>
  within(screen.getByRole('region', { name: 'Importer un fichier d’indicateurs' })).getByRole('status')
const csvFile = (lines: string[], name = 'indicateurs.csv') =>
  new File([lines.join('\r\n')], name, { type: 'text/csv' })

async function openImport() {
  const { doc } = buildWorkshop()
  unbind = openInStore(doc, { role: 'facilitator', participantId: 'facilitator-1' })
  const received = serveIndicatorCommands(doc)
  const user = userEvent.setup()
  render(<BoardScreen />)
  await user.click(screen.getByText('Données de l’observatoire : importer, épingler'))
  return { doc, user, received, input: screen.getByLabelText('Fichier CSV d’indicateurs') }
}

describe('importing an indicator file', () => {
  it('previews a broken file with each line’s problem, offers no import, and sends nothing', async () => {
    const { user, input, received, doc } = await openImport()
    await user.upload(
      input,
      csvFile([
        HEADER,
        'Participation;Habitants au CA;45 %;;38 %;moyenne nationale;Fictif;2023',
        'Partenariats;Partenaires;douze;;;;;',
        'Partenariats;Court;1',
      ]),
    )
    const table = await screen.findByRole('table', { name: 'Aperçu de « indicateurs.csv »' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['2', '3', '4'])
    expect(within(rows[0] as HTMLElement).getByText('Prête')).toBeInTheDocument()
    expect(within(rows[0] as HTMLElement).getByText('Participation des habitants')).toBeInTheDocument()
    expect(
      within(rows[1] as HTMLElement).getByText('la valeur « douze » n’est pas un nombre'),
    ).toBeInTheDocument()
    expect(within(rows[1] as HTMLElement).getByText('Partenaires')).toBeInTheDocument()
    expect(within(rows[2] as HTMLElement).getByText('3 colonnes au lieu de 8')).toBeInTheDocument()
    expect(importStatus()).toHaveTextContent('Problèmes à corriger avant l’import : 2.')
    expect(screen.queryByRole('button', { name: 'Importer' })).toBeNull()
    expect(received).toEqual([])
    expect(readIndicators(doc)).toEqual([])
  })

  it('shows a bad header as the file’s own problem', async () => {
    const { user, input } = await openImport()
    await user.upload(input, csvFile(['thème;indicateur;couleur', 'Partenariats;X;bleu']))
    expect(await screen.findByText(/^ligne 1 : la colonne « couleur » est inconnue/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('imports a clean file, Windows-1252 included, and the pinned rows show on their board at once', async () => {
    const { user, input, received, doc } = await openImport()
    // "Thème;…" saved by Excel on French Windows: é is the single byte 0xE9.
    const latin1 = new Uint8Array(
      [
        ...'th\xe8me;indicateur;valeur\r\nParticipation des habitants;B\xe9n\xe9voles par centre;48,5\r\nFinances;Budget;12',
      ].map((c) => c.charCodeAt(0)),
    )
    await user.upload(input, new File([latin1], 'excel.csv', { type: 'text/csv' }))
    expect(await screen.findByText('Bénévoles par centre')).toBeInTheDocument()
    expect(importStatus()).toHaveTextContent('Indicateurs prêts à importer : 2.')
    await user.click(screen.getByRole('button', { name: 'Importer' }))
    await waitFor(() =>
      expect(importStatus()).toHaveTextContent(
        'Indicateurs importés : 2, dont 1 épinglés au tableau de leur thème.',
      ),
    )
    expect(received.map((c) => c.type)).toEqual(['indicators.import'])
    expect(readIndicators(doc)).toHaveLength(2)
    const cards = within(screen.getByRole('list', { name: 'Données de l’observatoire' })).getAllByRole(
      'listitem',
    )
    expect(cards.map((card) => card.querySelector('.data-card__name')?.textContent)).toEqual([
      'Bénévoles par centre',
    ])
    // The other one waits to be pinned, and is pinned to the board on screen with one button.
    await user.click(screen.getByRole('button', { name: 'Épingler « Budget » sur ce tableau' }))
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Données de l’observatoire' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    )
    expect(screen.getByText('Tous les indicateurs sont sur un tableau.')).toBeInTheDocument()
  })

  it('asks whether to keep or replace what was imported before', async () => {
    const { user, input, doc } = await openImport()
    await user.upload(input, csvFile([HEADER, 'Partenariats;Premier;1;;;;;']))
    await user.click(await screen.findByRole('button', { name: 'Importer' }))
    await waitFor(() => expect(readIndicators(doc)).toHaveLength(1))
    await user.upload(input, csvFile([HEADER, 'Partenariats;Second;2;;;;;']))
    await user.click(await screen.findByRole('radio', { name: 'Les remplacer tous par ceux-ci' }))
    await user.click(screen.getByRole('button', { name: 'Importer' }))
    await waitFor(() => expect(readIndicators(doc).map((i) => i.indicator)).toEqual(['Second']))
  })
})

describe('the words of a file’s problems', () => {
  it('are in French the very sentences the server replies', () => {
    const broken = [
      'thème;indicateur;valeur;unité;comparaison;libellé comparaison;source;année',
      'P;X;douze;;;;;',
      'P;X;1;;beaucoup;;;',
      'P;;;;;;;',
      'P;X;1;;;;;22',
      `P;${'x'.repeat(201)};1;;;;;`,
      'P;X;45 %;points;;;;',
      'P;X;1',
      'P;"X" y;1;;;;;',
    ].join('\n')
    const issues: CsvIssue[] = [
      ...parseIndicatorCsv(broken).issues,
      ...parseIndicatorCsv('').issues,
      ...parseIndicatorCsv('a;b;c\n').issues,
      ...parseIndicatorCsv('thème;indicateur;valeur;valeur\n').issues,
      ...parseIndicatorCsv('thème;indicateur;valeur\nP;"X;1').issues,
      { line: 502, code: 'too_many_rows', limit: 500 },
      { line: 0, code: 'too_large', limit: 200 * 1024 },
    ]
    expect(new Set(issues.map((i) => i.code)).size).toBe(14)
    for (const issue of issues) expect(issueText(t, issue)).toBe(describeIssue(issue))
  })
})
