import type { Synthesis, SynthesisItem, SynthesisPerspective, SynthesisTheme } from './synthesis'

/**
 * The synthesis as one self-contained HTML page: inline style, no script, nothing fetched. Plain semantic
 * elements (h1–h3, p, ul) carry the meaning, so the body pastes cleanly into a blog editor; the page prints on A4.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for an HTML element or attribute: what people wrote is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1f2328; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p, li { overflow-wrap: anywhere; }
ul { padding-left: 1.4rem; }
li { margin: 0.25rem 0; }
.meta { color: #57606a; margin: 0.25rem 0; }
.votes { color: #57606a; font-weight: normal; white-space: nowrap; }
@page { size: A4; margin: 18mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li { break-inside: avoid; page-break-inside: avoid; }
}
`.trim()

const votes = (count: number | null, s: Synthesis) =>
  count === null ? '' : ` <span class="votes">— ${escapeHtml(s.labels.votes(count))}</span>`

/** Lines of one text, kept apart by line breaks. */
const lines = (texts: readonly string[]) => texts.map(escapeHtml).join('<br>')

const list = (items: readonly SynthesisItem[], s: Synthesis) =>
  `<ul>\n${items.map((item) => `<li>${lines(item.lines)}${votes(item.votes, s)}</li>`).join('\n')}\n</ul>`

function perspectiveHtml(p: SynthesisPerspective, s: Synthesis): string[] {
  const parts = [`<h3>${p.number}. ${escapeHtml(p.title)}${votes(p.votes, s)}</h3>`]
  if (p.description.length > 0) parts.push(`<p>${lines(p.description)}</p>`)
  if (p.actions.length > 0) parts.push(list(p.actions, s))
  if (p.examples.length > 0) parts.push(`<p>${escapeHtml(s.labels.examples)}</p>`, list(p.examples, s))
  return parts
}

function themeHtml(theme: SynthesisTheme, s: Synthesis): string {
  const parts = [`<h2>${escapeHtml(theme.name)}</h2>`]
  if (theme.figures.length > 0)
    parts.push(
      `<ul class="figures">\n${theme.figures.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`,
    )
  for (const p of theme.perspectives) parts.push(...perspectiveHtml(p, s))
  if (theme.others.length > 0)
    parts.push(`<h3>${escapeHtml(s.labels.otherIdeas)}</h3>`, list(theme.others, s))
  if (theme.perspectives.length === 0 && theme.others.length === 0)
    parts.push(`<p>${escapeHtml(s.labels.emptyTheme)}</p>`)
  return `<section>\n${parts.join('\n')}\n</section>`
}

/** Renders the synthesis as a complete HTML document. */
export function renderHtml(s: Synthesis): string {
  const header = [`<h1>${escapeHtml(s.title)}</h1>`]
  for (const line of [s.when, s.organiser]) if (line) header.push(`<p class="meta">${escapeHtml(line)}</p>`)
  const intro = [s.attendance, s.voteNote ? `${s.lead} ${s.voteNote}` : s.lead]
    .filter((line): line is string => line !== null)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(s.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(s.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header>\n${header.join('\n')}\n</header>`,
    ...intro,
    ...s.themes.map((theme) => themeHtml(theme, s)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
