import { FRENCH_HEADERS } from './columns'
import { COLUMNS, type ColumnKey, type CsvIssue } from './types'

/** Problems of an indicator file in French, as the server replies them (the web app has its own translations). */

/** How a sentence names a column's cell: "la valeur « douze »", "la comparaison « douze »". */
const CELL: Partial<Record<ColumnKey, string>> = { value: 'la valeur', comparison: 'la comparaison' }

const header = (column: ColumnKey | undefined) => `« ${column ? FRENCH_HEADERS[column] : '?'} »`
const kilobytes = (bytes: number | undefined) => Math.round((bytes ?? 0) / 1024)

function problem(issue: CsvIssue): string {
  const value = `« ${issue.value ?? ''} »`
  switch (issue.code) {
    case 'too_large':
      return `le fichier dépasse ${kilobytes(issue.limit)} Ko`
    case 'empty_file':
      return 'le fichier est vide : il faut une ligne d’en-tête puis une ligne par indicateur'
    case 'unterminated_quote':
      return 'un guillemet ouvert n’est jamais refermé'
    case 'text_after_quote':
      return `du texte (${value}) suit un guillemet fermant`
    case 'unknown_column':
      return `la colonne ${value} est inconnue (colonnes possibles : ${COLUMNS.map((c) => FRENCH_HEADERS[c]).join(', ')})`
    case 'duplicate_column':
      return `la colonne ${header(issue.column)} apparaît deux fois`
    case 'missing_column':
      return `il manque la colonne ${header(issue.column)}`
    case 'column_count':
      return `${issue.found ?? 0} colonnes au lieu de ${issue.expected ?? 0}`
    case 'missing_value':
      return `la colonne ${header(issue.column)} est vide`
    case 'not_a_number':
      return `${(issue.column && CELL[issue.column]) ?? 'la valeur'} ${value} n’est pas un nombre`
    case 'bad_year':
      return `l’année ${value} n’est pas une année sur quatre chiffres`
    case 'too_long':
      return `la colonne ${header(issue.column)} dépasse ${issue.limit ?? 0} caractères`
    case 'unit_conflict':
      return `la valeur ${value} est un pourcentage mais l’unité indiquée n’est pas « % »`
    case 'too_many_rows':
      return `trop de lignes : ${issue.limit ?? 0} indicateurs au plus par fichier`
  }
}

/**
 * One problem as a French sentence naming its line.
 * @example describeIssue({ line: 7, code: 'not_a_number', column: 'value', value: 'douze' })
 * // 'ligne 7 : la valeur « douze » n’est pas un nombre'
 */
export function describeIssue(issue: CsvIssue): string {
  return issue.line > 0 ? `ligne ${issue.line} : ${problem(issue)}` : problem(issue)
}

/** The first problems of a file as one message (the rest counted), for a reply or a log line. */
export function describeIssues(issues: readonly CsvIssue[], shown = 5): string {
  const listed = issues.slice(0, shown).map(describeIssue)
  const more = issues.length - listed.length
  return more > 0
    ? `${listed.join(' ; ')} ; et ${more} autre${more > 1 ? 's' : ''} problème${more > 1 ? 's' : ''}`
    : listed.join(' ; ')
}
