/** What an indicator file holds once parsed, and what can be wrong with it. */

import type { IndicatorFigure } from '../schema'

/** The columns of an indicator file, by their canonical (English) key. */
export const COLUMNS = [
  'theme',
  'indicator',
  'value',
  'unit',
  'comparison',
  'comparisonLabel',
  'source',
  'year',
] as const
export type ColumnKey = (typeof COLUMNS)[number]

/** Columns a file must have (their cells may still be empty where the row allows it). */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['theme', 'indicator', 'value']

export const INDICATOR_LIMITS = {
  /** Rows of one file, and indicators of one workshop. */
  rows: 500,
  /** Characters of each text cell (theme, indicator, unit, comparison label, source). */
  textLength: 200,
  /** Bytes of a file, as UTF-8. */
  fileBytes: 200 * 1024,
} as const

/** One indicator as a file row gives it. */
export type IndicatorInput = IndicatorFigure

export type IssueCode =
  | 'too_large'
  | 'empty_file'
  | 'unterminated_quote'
  | 'text_after_quote'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'column_count'
  | 'missing_value'
  | 'not_a_number'
  | 'bad_year'
  | 'too_long'
  | 'unit_conflict'
  | 'too_many_rows'

/** One problem of a file. `line` is the line where the row starts (1 = the header); 0 for the whole file. */
export interface CsvIssue {
  line: number
  code: IssueCode
  column?: ColumnKey
  /** The text at fault, as written (shortened). */
  value?: string
  expected?: number
  found?: number
  limit?: number
}

/** One data row of the file: the indicator it makes, or what is wrong with it. */
export interface ParsedLine {
  line: number
  indicator: IndicatorInput | null
  issues: CsvIssue[]
  /** The row's cells as written, by column: what a preview shows of a row that makes no indicator. */
  raw: Partial<Record<ColumnKey, string>>
}

export interface IndicatorFile {
  /** The separator the header line uses. */
  separator: ';' | ','
  /** Every data row, blank ones left out, in file order. */
  lines: ParsedLine[]
  /** Every problem, the file's own first, then row by row. */
  issues: CsvIssue[]
}
