import { describe, expect, it } from 'vitest'
import { buildWorkshopExport, renderExport } from '../../shared/export'
import { EXPORTED_AT, golden, sampleWorkshop } from './exportFixture'

/** The synthesis and the votes of a fixed workshop, compared character for character with reviewed files. */

const exported = () => buildWorkshopExport(sampleWorkshop().doc, EXPORTED_AT)

describe('golden exports', () => {
  it('renders the synthesis as Markdown', () => {
    const { body } = renderExport(exported(), 'md')
    expect(body).toBe(golden('synthese.md', body))
  })

  it('renders the synthesis as one self-contained HTML page', () => {
    const { body } = renderExport(exported(), 'html')
    expect(body).toBe(golden('synthese.html', body))
  })

  it('renders the votes as CSV, comma or semicolon separated', () => {
    const comma = renderExport(exported(), 'csv').body
    expect(comma).toBe(golden('votes.csv', comma))
    const semicolon = renderExport(exported(), 'csv', { separator: ';' }).body
    expect(semicolon).toBe(golden('votes-semicolon.csv', semicolon))
  })
})

describe('what the synthesis shows', () => {
  const markdown = renderExport(exported(), 'md').body

  it('counts participants still in the workshop and lists each organisation once, but names nobody', () => {
    expect(markdown).toContain('4 participants, venus de 3 structures')
    for (const name of ['Awa', 'Marc', 'Léa', 'Yann', 'Claire', 'Doublon', 'Centre fantôme'])
      expect(markdown).not.toContain(name)
  })

  it('leaves out hidden cards and perspectives nobody filled', () => {
    expect(markdown).not.toContain('masqué')
    expect(markdown).not.toContain('Perspective sans titre')
    expect(markdown.match(/^### \d+\./gm)).toEqual(['### 1.', '### 2.', '### 1.', '### 2.'])
  })

  it("shows each board's votes from the latest revealed round that covered it", () => {
    // Round 1 (all boards, perspectives only), then round 2 (second board, cards too).
    expect(markdown).toContain('### 1. Accompagner les initiatives des habitants — 5 voix')
    expect(markdown).toContain('- Ouvrir des espaces d’accueil où l’on peut passer sans raison\n')
    expect(markdown).toContain('### 1. Parler d’égal à égal avec les financeurs — 2 voix')
    expect(markdown).toContain('- Porter des projets à plusieurs structures — 3 voix')
  })

  it('names the files after the title', () => {
    expect(renderExport(exported(), 'md').filename).toBe(
      'participation-et-partenariats-regards-croises-synthese.md',
    )
    expect(renderExport(exported(), 'csv').filename).toBe(
      'participation-et-partenariats-regards-croises-votes.csv',
    )
  })
})
