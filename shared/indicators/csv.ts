import type { CsvIssue } from './types'

/**
 * RFC 4180 records, as spreadsheets write them: fields separated by `;` or `,`, quoted when they hold a separator,
 * a quote (doubled) or a line break. Line breaks may be CRLF, LF or CR; a UTF-8 BOM is dropped.
 */

export interface CsvRecord {
  /** The line the record starts on (1-based): a quoted line break makes a record span several lines. */
  line: number
  fields: string[]
}

export interface CsvRecords {
  separator: ';' | ','
  records: CsvRecord[]
  /** Quoting problems; reading stops at an unterminated quote, since everything after it is inside the field. */
  issues: CsvIssue[]
}

const QUOTE = '"'

/** The header line's separator: `;` when it has as many as commas (French spreadsheets), else `,`. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const ch of text) {
    if (ch === QUOTE) quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ';') semicolons++
    else if (!quoted && ch === ',') commas++
  }
  return commas > semicolons ? ',' : ';'
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text)

/** Splits a CSV text into records; never throws. */
export function readCsv(input: string): CsvRecords {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  const separator = detectSeparator(text)
  const records: CsvRecord[] = []
  const issues: CsvIssue[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0

  const endRecord = () => {
    fields.push(field)
    records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  /** Consumes a line break at `i`, if any; true when there was one. */
  const lineBreak = () => {
    const ch = text[i]
    if (ch !== '\n' && ch !== '\r') return false
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    line++
    return true
  }

  while (i < text.length) {
    const ch = text[i] as string
    if (ch === QUOTE && field.trim() === '') {
      const start = line
      field = ''
      i++
      let closed = false
      while (i < text.length) {
        if (text[i] === QUOTE) {
          if (text[i + 1] === QUOTE) {
            field += QUOTE
            i += 2
            continue
          }
          i++
          closed = true
          break
        }
        if (lineBreak()) field += '\n'
        else field += text[i++]
      }
      if (!closed) {
        issues.push({ line: start, code: 'unterminated_quote' })
        return { separator, records, issues }
      }
      // Only spaces may sit between a closing quote and what ends the field.
      let trailing = ''
      while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r')
        trailing += text[i++]
      if (trailing.trim() !== '')
        issues.push({ line, code: 'text_after_quote', value: shorten(trailing.trim()) })
      continue
    }
    if (ch === separator) {
      fields.push(field)
      field = ''
      i++
    } else if (lineBreak()) {
      endRecord()
      recordLine = line
    } else {
      field += ch
      i++
    }
  }
  // A last line without a final line break is a record too; the empty "line" after a final break is not.
  if (fields.length > 0 || field !== '') endRecord()
  return { separator, records, issues }
}
