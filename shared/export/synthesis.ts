import { formatFigure } from '../indicators/format'
import { FRENCH_LABELS, type SynthesisLabels } from './labels'
import type { ExportCard, ExportIndicator, ExportTheme, WorkshopExport } from './model'
import { oneLine, textLines } from './sanitize'
import { shownCards, shownPerspectives } from './visible'
import { voteLookup, type VoteLookup } from './votes'

/**
 * The public synthesis of a workshop, ready to lay out: what a federation publishes after the day. People's names
 * are not in it (only how many came and from which organisations); hidden and empty cards are left out. Every
 * text is clean (sanitize.ts) but not escaped: each renderer escapes for its own format.
 */
export interface Synthesis {
  lang: string
  title: string
  /** Date and place on one line, '' when neither is known. */
  when: string
  organiser: string | null
  attendance: string | null
  lead: string
  voteNote: string | null
  themes: SynthesisTheme[]
  labels: SynthesisLabels
}

export interface SynthesisTheme {
  name: string
  /** The data cards pinned to the board, one line each, before the perspectives. */
  figures: string[]
  perspectives: SynthesisPerspective[]
  /** Ideas still to sort, after the perspectives. */
  others: SynthesisItem[]
}

export interface SynthesisPerspective {
  /** 1, 2, 3… in board order. */
  number: number
  title: string
  description: string[]
  votes: number | null
  actions: SynthesisItem[]
  examples: SynthesisItem[]
}

export interface SynthesisItem {
  /** The card's lines (several after a merge). */
  lines: string[]
  votes: number | null
}

/** Builds the synthesis of an exported workshop, worded with `labels` (French by default). */
export function buildSynthesis(workshop: WorkshopExport, labels: SynthesisLabels = FRENCH_LABELS): Synthesis {
  const votes = voteLookup(
    workshop.control.rounds,
    workshop.themes.map((theme) => theme.id),
  )
  const people = workshop.roster.filter((person) => person.role === 'participant' && !person.removed)
  const { meta } = workshop
  return {
    lang: labels.lang,
    title: oneLine(meta.title) || labels.untitledWorkshop,
    when: [formatDate(meta.date, labels), oneLine(meta.place)].filter(Boolean).join(' · '),
    organiser: oneLine(meta.organiser) ? labels.organiser(oneLine(meta.organiser)) : null,
    attendance: labels.attendance(people.length, distinctCentres(people.map((p) => p.centre))),
    lead: labels.lead,
    voteNote: votes.any ? labels.voteNote : null,
    themes: workshop.themes.map((theme) => ({
      ...synthesisTheme(theme, votes, labels),
      figures: workshop.indicators
        .filter((indicator) => indicator.themeId === theme.id)
        .sort((a, b) => a.order - b.order)
        .map((indicator) => figureLine(indicator, labels)),
    })),
    labels,
  }
}

/** "45 % — Habitants au CA (Moyenne nationale : 38 %) — Observatoire, 2024": always with its source. */
function figureLine(indicator: ExportIndicator, labels: SynthesisLabels): string {
  const figure = (value: number) => formatFigure(value, oneLine(indicator.unit), labels.lang)
  const comparison =
    indicator.comparison === null
      ? ''
      : ` (${labels.comparison(oneLine(indicator.comparisonLabel), figure(indicator.comparison))})`
  const source = oneLine(indicator.source) || labels.noSource
  const year = indicator.year === null ? '' : `, ${indicator.year}`
  return `${figure(indicator.value)} — ${oneLine(indicator.indicator)}${comparison} — ${source}${year}`
}

function synthesisTheme(
  theme: ExportTheme,
  votes: VoteLookup,
  labels: SynthesisLabels,
): Omit<SynthesisTheme, 'figures'> {
  const item = (card: ExportCard): SynthesisItem => ({
    lines: textLines(card.text),
    votes: votes.votesFor({ kind: 'card', id: card.id, themeId: theme.id }),
  })
  const perspectives = shownPerspectives(theme).map(({ perspective: p, number, actions, examples }) => ({
    number,
    title: oneLine(p.title) || labels.untitledPerspective,
    description: textLines(p.description),
    votes: votes.votesFor({ kind: 'perspective', id: p.id, themeId: theme.id }),
    actions: actions.map(item),
    examples: examples.map(item),
  }))
  return {
    name: oneLine(theme.name) || labels.untitledTheme,
    perspectives,
    others: shownCards(theme.unsorted).map(item),
  }
}

/** "2025-01-16" reads as a date in words; anything else people typed stays as typed. */
function formatDate(value: string, labels: SynthesisLabels): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim())
  if (!match) return oneLine(value)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > 31) return oneLine(value)
  return labels.date(year, month, day)
}

/** Each organisation once (ignoring case and spacing), alphabetically. */
function distinctCentres(centres: readonly string[]): string[] {
  const byKey = new Map<string, string>()
  for (const centre of centres) {
    const name = oneLine(centre)
    const key = name.toLocaleLowerCase('fr').normalize('NFC')
    if (name && !byKey.has(key)) byKey.set(key, name)
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'fr'))
}
