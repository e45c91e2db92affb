// @vitest-environment jsdom
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildWorkshopExport, renderExport, type WorkshopExport } from '../../shared/export'
import { roots } from '../../shared/doc'
import {
  addCard,
  addPerspective,
  addTheme,
  deleteTheme,
  initWorkshop,
  openRound,
  putRosterEntry,
  revealRound,
} from '../../shared/ops'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { EXPORTED_AT } from './exportFixture'

/**
 * Whatever people type stays text in every export. Markdown and HTML are checked by rendering them (markdown-it,
 * raw HTML allowed, as a lenient blog would) and reading the result back as a DOM: each text must come out exactly
 * as typed, and no element or attribute may come from it.
 */

const RLO = '\u202E'
const HOSTILE_CARDS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '**bold** [link](javascript:x) ![img](x.png)',
  '# heading',
  '1. list',
  '2) list',
  '- item',
  '+ item',
  '> quote',
  '---',
  '=HYPERLINK("http://evil.example","clic")',
  '@SUM(1+1)',
  '-2+3',
  '`code` ~~struck~~ | a | b |',
  '&amp; &#60;b&#62; &copy;',
  `facture${RLO}exe.txt et \u2066isolé\u2069`,
  'famille 👩‍👩‍👧 et drapeau 🏳️‍🌈',
  'a'.repeat(500),
  'fête 🎉 accents éàç',
  'back\\slash \\* _under_ {brace} <http://auto.link>',
  'première ligne\n1. deuxième\n# troisième',
]
const HOSTILE_TITLE = '# <b>Titre</b> *gras* & [lien](javascript:x)'
const HOSTILE_THEME = '<i>Thème</i> #1 | =SUM(A1)'
const HOSTILE_PERSPECTIVE = '1. <u>Perspective</u> ~~barrée~~'
const HOSTILE_CENTRE = `<a href="x">Centre</a> ${RLO}gnol`

/** The text a reader should see: bidi overrides gone, lines trimmed. */
const seen = (text: string) =>
  text
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')

function hostileWorkshop(): { workshop: WorkshopExport; cardIds: string[] } {
  const doc = new Y.Doc()
  initWorkshop(
    doc,
    { title: HOSTILE_TITLE, date: '2025-01-16', place: 'Lyon', organiser: '', createdAt: 1 },
    'vide',
  )
  for (const id of [...roots(doc).themes.keys()]) deleteTheme(doc, id)
  const themeId = addTheme(doc, { name: HOSTILE_THEME })
  const perspectiveId = addPerspective(doc, { themeId, title: HOSTILE_PERSPECTIVE })
  if (!perspectiveId) throw new Error('no perspective')
  const cardIds = HOSTILE_CARDS.map(
    (text) => addCard(doc, { themeId, perspectiveId, text, author: 'p-1' }) ?? '',
  )
  putRosterEntry(doc, 'p-1', { name: '<b>Nom</b>', centre: HOSTILE_CENTRE, role: 'participant', joinedAt: 1 })
  const round = openRound(doc, { ...DEFAULT_VOTE_SETTINGS, targets: 'both' }, 2)
  revealRound(doc, { roundId: round.id, totals: { [perspectiveId]: 2 } })
  return { workshop: buildWorkshopExport(doc, EXPORTED_AT), cardIds }
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html')

/** An element's text with its <br> read as line breaks. */
function textWithBreaks(element: Element): string {
  const clone = element.cloneNode(true) as Element
  for (const br of clone.querySelectorAll('br')) br.replaceWith('\u0000')
  // The source's own line break and indentation after a <br> are layout, not text.
  return (clone.textContent ?? '').replace(/\s*\u0000\s*/g, '\n')
}

const ALLOWED_TAGS = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'MAIN', 'HEADER', 'SECTION'])
for (const tag of ['H1', 'H2', 'H3', 'P', 'UL', 'LI', 'BR', 'SPAN']) ALLOWED_TAGS.add(tag)

/** Fails on any element or attribute outside what the exports themselves write. */
function expectOnlyOwnMarkup(document: Document): void {
  for (const element of document.querySelectorAll('*')) {
    expect(ALLOWED_TAGS, `unexpected <${element.tagName}>`).toContain(element.tagName)
    for (const attribute of element.attributes)
      expect(['class', 'lang', 'charset', 'name', 'content']).toContain(attribute.name)
  }
}

function expectCardsReadAsTyped(document: Document): void {
  const items = [...document.querySelectorAll('li')].map(textWithBreaks)
  expect(items).toEqual(HOSTILE_CARDS.map((text) => `${seen(text)} — 0 voix`))
}

describe('HTML export of hostile text', () => {
  const { workshop } = hostileWorkshop()
  const html = renderExport(workshop, 'html').body
  const document = parseHtml(html)

  it('creates no element or attribute from what people typed', () => {
    expectOnlyOwnMarkup(document)
    expect(document.querySelectorAll('script, img, a, b, i, u').length).toBe(0)
  })

  it('shows every text exactly as typed, bidi overrides removed', () => {
    expectCardsReadAsTyped(document)
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE)
    expect(document.querySelector('title')?.textContent).toBe(HOSTILE_TITLE)
    expect(document.querySelector('h2')?.textContent).toBe(HOSTILE_THEME)
    expect(document.querySelector('h3')?.textContent).toBe(`1. ${HOSTILE_PERSPECTIVE} — 2 voix`)
    expect(html).not.toContain(RLO)
    expect(html).toContain('a'.repeat(500))
  })

  it('lists centres but never the names of the people', () => {
    expect(document.body.textContent).toContain('<a href="x">Centre</a> gnol')
    expect(document.body.textContent).not.toContain('Nom')
  })

  it('is self-contained: no script, no external resource', () => {
    expect(document.querySelectorAll('script, link, iframe, object, [src], [href]').length).toBe(0)
    expect(document.querySelector('style')?.textContent).not.toMatch(/@import|url\(/i)
  })
})

describe('Markdown export of hostile text', () => {
  const { workshop } = hostileWorkshop()
  const markdown = renderExport(workshop, 'md').body
  const rendered = new MarkdownIt({ html: true }).render(markdown)
  const document = parseHtml(`<!doctype html><html><body>${rendered}</body></html>`)

  it('renders to no element or attribute of what people typed', () => {
    expectOnlyOwnMarkup(document)
    expect(document.querySelectorAll('ol, blockquote, hr, code, em, strong, s, table, a, img').length).toBe(0)
    expect([...document.querySelectorAll('h1, h2, h3')].map((h) => h.tagName)).toEqual(['H1', 'H2', 'H3'])
  })

  it('renders every text exactly as typed, bidi overrides removed', () => {
    expectCardsReadAsTyped(document)
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE)
    expect(document.querySelector('h2')?.textContent).toBe(HOSTILE_THEME)
    expect(document.querySelector('h3')?.textContent).toBe(`1. ${HOSTILE_PERSPECTIVE} — 2 voix`)
    expect(markdown).not.toContain(RLO)
  })

  it('keeps a line that starts like a numbered list from becoming one', () => {
    expect(markdown).toContain('- 1\\. list')
    expect(markdown).toContain('- 2\\) list')
  })
})

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (!quoted && ch === separator) {
      row.push(cell)
      cell = ''
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else {
      cell += ch
    }
  }
  return rows
}

describe('CSV export of hostile text', () => {
  const { workshop } = hostileWorkshop()

  for (const separator of [',', ';'] as const) {
    it(`keeps every text a text, separated by "${separator}"`, () => {
      const csv = renderExport(workshop, 'csv', { separator }).body
      expect(csv.startsWith('\uFEFF')).toBe(true)
      const rows = parseCsv(csv.slice(1), separator)
      expect(rows[0]).toEqual([
        'round',
        'round_status',
        'theme',
        'item_kind',
        'item_number',
        'item_text',
        'votes',
      ])
      for (const row of rows) expect(row).toHaveLength(7)
      const texts = rows.slice(2).map((row) => row[5])
      const expected = HOSTILE_CARDS.map((text) => seen(text).split('\n').join(' '))
      expect(texts).toEqual(expected.map((text) => (/^[=+\-@]/.test(text) ? `'${text}` : text)))
      expect(rows[1]?.[2]).toBe(HOSTILE_THEME)
      expect(rows[1]?.[5]).toBe(HOSTILE_PERSPECTIVE)
      expect(csv).not.toContain(RLO)
    })
  }

  it('neutralises every cell that spreadsheet software would run as a formula', () => {
    const rows = parseCsv(renderExport(workshop, 'csv').body.slice(1), ',')
    for (const row of rows.slice(1))
      for (const cell of [row[2], row[5]]) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})

describe('JSON export of hostile text', () => {
  it('keeps every text exactly as stored: it is data, not a page', () => {
    const { workshop } = hostileWorkshop()
    const parsed = JSON.parse(renderExport(workshop, 'json').body) as WorkshopExport
    expect(parsed.meta.title).toBe(HOSTILE_TITLE)
    expect(parsed.themes[0]?.perspectives[0]?.cards.map((card) => card.text)).toEqual(HOSTILE_CARDS)
  })
})
