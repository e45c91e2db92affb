/**
 * Every word the synthesis adds around what people wrote, in one table per language. The renderers escape the
 * results like any other text, so a label is plain text, never markup.
 */
export interface SynthesisLabels {
  lang: string
  untitledWorkshop: string
  untitledTheme: string
  untitledPerspective: string
  organiser: (name: string) => string
  /** "16 janvier 2025" from its parts (month 1–12). */
  date: (year: number, month: number, day: number) => string
  /** Who came: a count of people and the list of their organisations; null when nobody joined. */
  attendance: (people: number, centres: readonly string[]) => string | null
  lead: string
  voteNote: string
  votes: (count: number) => string
  examples: string
  otherIdeas: string
  emptyTheme: string
  /** A data card's comparison, figure already formatted: "Moyenne nationale : 38 %". */
  comparison: (label: string, figure: string) => string
  /** Said of a figure whose file named no source, so that no figure goes unlabelled. */
  noSource: string
}

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

/** "A", "A et B", "A, B et C". */
function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1) ?? ''}`
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`

export const FRENCH_LABELS: SynthesisLabels = {
  lang: 'fr',
  untitledWorkshop: 'Synthèse de l’atelier',
  untitledTheme: 'Thème sans nom',
  untitledPerspective: 'Perspective sans titre',
  organiser: (name) => `Organisation : ${name}`,
  date: (year, month, day) => `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1] ?? ''} ${year}`,
  attendance: (people, centres) => {
    if (people === 0) return null
    const who = plural(people, 'participant', 'participants')
    if (centres.length === 0) return `L’atelier a réuni ${who}.`
    return `L’atelier a réuni ${who}, ${people > 1 ? 'venus' : 'venu'} de ${plural(centres.length, 'structure', 'structures')} : ${frenchList(centres)}.`
  },
  lead: 'Voici les perspectives dégagées ensemble, thème par thème.',
  voteNote: 'Le nombre de voix indiqué est celui du dernier vote à points révélé.',
  votes: (count) => `${count} voix`,
  examples: 'Exemples :',
  otherIdeas: 'Autres idées',
  emptyTheme: 'Aucune proposition sur ce thème.',
  comparison: (label, figure) => (label ? `${label} : ${figure}` : figure),
  noSource: 'source non précisée',
}
