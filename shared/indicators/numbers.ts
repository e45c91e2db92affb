/** Numbers as French spreadsheets write them: "12,5", "1 234,5" (with ordinary, no-break or narrow spaces), "45 %". */

export interface ReadNumber {
  value: number
  /** The text ended with a percent sign. */
  percent: boolean
}

// Ordinary, no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces all group thousands.
const SPACES = /[\s\u00a0\u202f\u2009]+/g
const PLAIN = /^\d*(?:[.,]\d+)?$/
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+,\d+$/
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+\.\d+$/
/** Beyond this no indicator is meant: a longer number is a typing slip, or an id pasted in the wrong column. */
const MAX_MAGNITUDE = 1e12

/**
 * Reads a number, or null when the text is not one. A lone comma or dot is the decimal mark; with both, the last
 * one is.
 * @example readNumber('1 234,5') // { value: 1234.5, percent: false }
 */
export function readNumber(raw: string): ReadNumber | null {
  let text = raw.replace(SPACES, ' ').trim()
  const percent = text.endsWith('%')
  if (percent) text = text.slice(0, -1).trim()
  let sign = 1
  if (/^[-+\u2212]/.test(text)) {
    if (text[0] !== '+') sign = -1
    text = text.slice(1).trim()
  }
  if (text === '' || !/\d/.test(text)) return null
  let normal: string
  if (PLAIN.test(text)) normal = text.replace(',', '.')
  else if (SPACE_GROUPED.test(text)) normal = text.replace(/ /g, '').replace(',', '.')
  else if (DOT_GROUPED.test(text)) normal = text.replace(/\./g, '').replace(',', '.')
  else if (COMMA_GROUPED.test(text)) normal = text.replace(/,/g, '')
  else return null
  const value = sign * Number(normal)
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_MAGNITUDE) return null
  return { value: value === 0 ? 0 : value, percent }
}
