import type { Synthesis, SynthesisItem, SynthesisPerspective, SynthesisTheme } from './synthesis'

/**
 * The synthesis as CommonMark. What people wrote is escaped so that it always reads as text: characters that mean
 * something anywhere in a line are backslash-escaped everywhere; those that only mean something at the start of a
 * line (list, heading, quote and rule markers, "1." / "1)") are escaped there. Punctuation that is only markup
 * next to an escaped bracket (the "(" of a link, the "!" of an image) is left as typed, so the text stays readable.
 */

// \ ` * _ { } [ ] < > | ~ # : emphasis, code, links, raw HTML, tables, strikethrough, headings (also closing ones).
const ANYWHERE = /[\\`*_{}[\]<>|~#]/g
// An entity ("&amp;", "&#60;") would display as the character it names.
const ENTITY = /&(?=#?[a-z0-9]+;)/gi
const LINE_START_MARKER = /^([-+=])/
const ORDERED_MARKER = /^(\d{1,9})([.)])/

/** Escapes one line of text people typed (already trimmed, without line breaks). */
export function escapeMarkdown(line: string): string {
  return line
    .replace(ANYWHERE, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(LINE_START_MARKER, '\\$1')
    .replace(ORDERED_MARKER, '$1\\$2')
}

const voteSuffix = (votes: number | null, s: Synthesis) =>
  votes === null ? '' : ` — ${escapeMarkdown(s.labels.votes(votes))}`

/** Lines of one paragraph, kept apart by hard breaks (a backslash at the end of a line). */
const paragraph = (lines: readonly string[]) => lines.map(escapeMarkdown).join('\\\n')

function listItem(item: SynthesisItem, s: Synthesis): string {
  const [first = '', ...rest] = item.lines.map(escapeMarkdown)
  const continued = rest.map((line) => `\\\n  ${line}`).join('')
  return `- ${first}${continued}${voteSuffix(item.votes, s)}`
}

const list = (items: readonly SynthesisItem[], s: Synthesis) =>
  items.map((item) => listItem(item, s)).join('\n')

function perspectiveBlocks(p: SynthesisPerspective, s: Synthesis): string[] {
  const blocks = [`### ${p.number}. ${escapeMarkdown(p.title)}${voteSuffix(p.votes, s)}`]
  if (p.description.length > 0) blocks.push(paragraph(p.description))
  if (p.actions.length > 0) blocks.push(list(p.actions, s))
  if (p.examples.length > 0) blocks.push(escapeMarkdown(s.labels.examples), list(p.examples, s))
  return blocks
}

function themeBlocks(theme: SynthesisTheme, s: Synthesis): string[] {
  const blocks = [`## ${escapeMarkdown(theme.name)}`]
  if (theme.figures.length > 0)
    blocks.push(theme.figures.map((line) => `- ${escapeMarkdown(line)}`).join('\n'))
  for (const p of theme.perspectives) blocks.push(...perspectiveBlocks(p, s))
  if (theme.others.length > 0)
    blocks.push(`### ${escapeMarkdown(s.labels.otherIdeas)}`, list(theme.others, s))
  if (theme.perspectives.length === 0 && theme.others.length === 0)
    blocks.push(escapeMarkdown(s.labels.emptyTheme))
  return blocks
}

/** Renders the synthesis as a Markdown document (blocks separated by blank lines, ending with a newline). */
export function renderMarkdown(s: Synthesis): string {
  const blocks = [`# ${escapeMarkdown(s.title)}`]
  for (const line of [s.when, s.organiser, s.attendance]) if (line) blocks.push(escapeMarkdown(line))
  blocks.push(escapeMarkdown(s.voteNote ? `${s.lead} ${s.voteNote}` : s.lead))
  for (const theme of s.themes) blocks.push(...themeBlocks(theme, s))
  return `${blocks.join('\n\n')}\n`
}
