import { COLUMNS, INDICATOR_LIMITS, type ColumnKey, type CsvIssue } from '../../../shared/indicators'
import type { Translate } from '../../i18n/useT'

/** A problem of an indicator file in the reader's language, naming its line (shared/indicators words it in French). */

const column = (t: Translate, key: ColumnKey | undefined) => (key ? t(`data.column.${key}`) : '?')

/** The problem alone, for a place that already names the line (the preview's row). */
export function problemText(t: Translate, issue: CsvIssue): string {
  const value = issue.value ?? ''
  switch (issue.code) {
    case 'too_large':
      return t('data.issue.too_large', { kb: Math.round((issue.limit ?? INDICATOR_LIMITS.fileBytes) / 1024) })
    case 'unknown_column':
      return t('data.issue.unknown_column', { value, columns: COLUMNS.map((key) => column(t, key)).join(', ') })
    case 'duplicate_column':
    case 'missing_column':
    case 'missing_value':
      return t(`data.issue.${issue.code}`, { column: column(t, issue.column) })
    case 'too_long':
      return t('data.issue.too_long', { column: column(t, issue.column), limit: issue.limit ?? 0 })
    case 'column_count':
      return t('data.issue.column_count', { found: issue.found ?? 0, expected: issue.expected ?? 0 })
    case 'not_a_number':
      return t(issue.column === 'comparison' ? 'data.issue.comparison_not_a_number' : 'data.issue.not_a_number', { value })
    case 'too_many_rows':
      return t('data.issue.too_many_rows', { limit: issue.limit ?? INDICATOR_LIMITS.rows })
    case 'empty_file':
    case 'unterminated_quote':
      return t(`data.issue.${issue.code}`)
    case 'text_after_quote':
    case 'bad_year':
    case 'unit_conflict':
      return t(`data.issue.${issue.code}`, { value })
  }
}

/** @example issueText(t, { line: 7, code: 'not_a_number', column: 'value', value: 'douze' }) // 'ligne 7 : la valeur « douze » n’est pas un nombre' */
export function issueText(t: Translate, issue: CsvIssue): string {
  const text = problemText(t, issue)
  return issue.line > 0 ? t('data.issue.line', { line: issue.line, problem: text }) : text
}
