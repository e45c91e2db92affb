import type { ColumnKey } from './types'

/** Header names, in English and French, compared without case, accents, spaces, dashes or underscores. */

/** Lower case, no accents, no spaces, dashes, underscores or apostrophes: "Libellé comparaison" -> "libellecomparaison". */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f_\-'’.]+/g, '')
}

const NAMES: Record<ColumnKey, readonly string[]> = {
  theme: ['theme', 'thème', 'thématique'],
  indicator: ['indicator', 'indicateur'],
  value: ['value', 'valeur'],
  unit: ['unit', 'unité'],
  comparison: [
    'comparison',
    'comparison value',
    'comparaison',
    'valeur de comparaison',
    'valeur comparaison',
  ],
  comparisonLabel: [
    'comparison label',
    'comparison_label',
    'libellé comparaison',
    'libellé de comparaison',
    'libellé de la comparaison',
  ],
  source: ['source'],
  year: ['year', 'année', 'annee'],
}

const BY_FOLDED: ReadonlyMap<string, ColumnKey> = new Map(
  (Object.entries(NAMES) as Array<[ColumnKey, readonly string[]]>).flatMap(([key, names]) =>
    names.map((name) => [foldLabel(name), key] as const),
  ),
)

/** The column a header cell names, or null when it names none. */
export function columnOf(header: string): ColumnKey | null {
  return BY_FOLDED.get(foldLabel(header)) ?? null
}

/** The documented header names, French first, as error messages suggest them. */
export const FRENCH_HEADERS: Record<ColumnKey, string> = {
  theme: 'thème',
  indicator: 'indicateur',
  value: 'valeur',
  unit: 'unité',
  comparison: 'comparaison',
  comparisonLabel: 'libellé comparaison',
  source: 'source',
  year: 'année',
}

export const ENGLISH_HEADERS: Record<ColumnKey, string> = {
  theme: 'theme',
  indicator: 'indicator',
  value: 'value',
  unit: 'unit',
  comparison: 'comparison',
  comparisonLabel: 'comparison label',
  source: 'source',
  year: 'year',
}
