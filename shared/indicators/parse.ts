import { checkField } from '../validation'
import { columnOf } from './columns'
import { readCsv, type CsvRecord } from './csv'
import { readNumber } from './numbers'
import {
  INDICATOR_LIMITS,
  REQUIRED_COLUMNS,
  type ColumnKey,
  type CsvIssue,
  type IndicatorFile,
  type IndicatorInput,
  type ParsedLine,
} from './types'

/**
 * Reads an indicator file (docs/indicateurs.md) whole: every row is checked and every problem reported with its
 * line, so that a file is imported entirely or not at all.
 */

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text)
const isBlank = (record: CsvRecord) => record.fields.every((field) => field.trim() === '')

/** UTF-8 length of a text, without TextEncoder's allocation. */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

type Columns = Map<ColumnKey, number>

function readHeader(record: CsvRecord, issues: CsvIssue[]): Columns {
  const columns: Columns = new Map()
  record.fields.forEach((cell, index) => {
    // An empty header cell (often a trailing separator) names no column: its cells are ignored.
    if (cell.trim() === '') return
    const key = columnOf(cell)
    if (key === null) issues.push({ line: record.line, code: 'unknown_column', value: shorten(cell.trim()) })
    else if (columns.has(key)) issues.push({ line: record.line, code: 'duplicate_column', column: key })
    else columns.set(key, index)
  })
  for (const key of REQUIRED_COLUMNS)
    if (!columns.has(key)) issues.push({ line: record.line, code: 'missing_column', column: key })
  return columns
}

/** A text cell, cleaned (line breaks become spaces, control characters go) and checked against the limit. */
function textCell(raw: string, column: ColumnKey, line: number, issues: CsvIssue[]): string {
  const check = checkField(raw.replace(/[\r\n\t]+/g, ' '), INDICATOR_LIMITS.textLength, false)
  if (check.ok) return check.value
  issues.push({ line, code: 'too_long', column, limit: INDICATOR_LIMITS.textLength })
  return ''
}

function readRow(record: CsvRecord, columns: Columns, width: number): ParsedLine {
  const { line, fields } = record
  const issues: CsvIssue[] = []
  const raw: ParsedLine['raw'] = {}
  for (const [key, index] of columns) if (fields[index] !== undefined) raw[key] = fields[index]
  const extra = fields.slice(width)
  if (fields.length < width || extra.some((field) => field.trim() !== '')) {
    issues.push({ line, code: 'column_count', expected: width, found: fields.length })
    return { line, indicator: null, issues, raw }
  }
  const cell = (key: ColumnKey) => raw[key] ?? ''
  const text = (key: ColumnKey) => textCell(cell(key), key, line, issues)
  const theme = text('theme')
  const indicator = text('indicator')
  let unit = text('unit')
  const comparisonLabel = text('comparisonLabel')
  const source = text('source')
  if (indicator === '' && !issues.some((i) => i.column === 'indicator'))
    issues.push({ line, code: 'missing_value', column: 'indicator' })

  const rawValue = cell('value').trim()
  const value = readNumber(rawValue)
  if (rawValue === '') issues.push({ line, code: 'missing_value', column: 'value' })
  else if (!value) issues.push({ line, code: 'not_a_number', column: 'value', value: shorten(rawValue) })
  else if (value.percent) {
    if (unit === '') unit = '%'
    else if (unit !== '%')
      issues.push({ line, code: 'unit_conflict', column: 'unit', value: shorten(rawValue) })
  }

  const rawComparison = cell('comparison').trim()
  const comparison = rawComparison === '' ? null : readNumber(rawComparison)
  if (rawComparison !== '' && !comparison)
    issues.push({ line, code: 'not_a_number', column: 'comparison', value: shorten(rawComparison) })

  const rawYear = cell('year').trim()
  const year = rawYear === '' ? null : /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN
  if (year !== null && !(year >= 1900 && year <= 2100))
    issues.push({ line, code: 'bad_year', column: 'year', value: shorten(rawYear) })

  if (issues.length > 0 || !value) return { line, indicator: null, issues, raw }
  return {
    line,
    issues,
    raw,
    indicator: {
      theme,
      indicator,
      value: value.value,
      unit,
      comparison: comparison?.value ?? null,
      comparisonLabel,
      source,
      year,
    } satisfies IndicatorInput,
  }
}

/**
 * Parses an indicator file. Rows are checked even after a problem, so the facilitator sees every line to fix at
 * once; `issues` is empty exactly when every row made an indicator.
 * @example parseIndicatorCsv('thème;indicateur;valeur\nPartenariats;Partenaires par centre;12,5').lines[0]?.indicator?.value // 12.5
 */
export function parseIndicatorCsv(text: string): IndicatorFile {
  if (utf8Bytes(text) > INDICATOR_LIMITS.fileBytes) {
    return {
      separator: ';',
      lines: [],
      issues: [{ line: 0, code: 'too_large', limit: INDICATOR_LIMITS.fileBytes }],
    }
  }
  const { separator, records, issues: quoting } = readCsv(text)
  const filled = records.filter((record) => !isBlank(record))
  const header = filled[0]
  if (!header)
    return { separator, lines: [], issues: quoting.length > 0 ? quoting : [{ line: 0, code: 'empty_file' }] }

  const fileIssues: CsvIssue[] = []
  const columns = readHeader(header, fileIssues)
  const rows = filled.slice(1)
  if (rows.length === 0 && fileIssues.length === 0 && quoting.length === 0)
    fileIssues.push({ line: 0, code: 'empty_file' })
  const overflow = rows[INDICATOR_LIMITS.rows]
  if (overflow) fileIssues.push({ line: overflow.line, code: 'too_many_rows', limit: INDICATOR_LIMITS.rows })

  // Without a usable header the rows cannot be read: the header's problems are the ones to fix first.
  const lines = fileIssues.some((issue) => issue.line === header.line)
    ? []
    : rows.slice(0, INDICATOR_LIMITS.rows).map((row) => readRow(row, columns, header.fields.length))
  for (const issue of quoting) {
    const at = lines.find((l) => l.line === issue.line)
    if (!at) continue
    at.issues.push(issue)
    at.indicator = null
  }
  const issues = [
    ...fileIssues,
    ...quoting.filter((q) => !lines.some((l) => l.line === q.line)),
    ...lines.flatMap((l) => l.issues),
  ]
  return { separator, lines, issues: issues.sort((a, b) => a.line - b.line) }
}

/** The indicators of a file with no problem at all, or null: nothing is half-imported. */
export function importableIndicators(file: IndicatorFile): IndicatorInput[] | null {
  if (file.issues.length > 0 || file.lines.length === 0) return null
  return file.lines.map((line) => line.indicator).filter((i): i is IndicatorInput => i !== null)
}
