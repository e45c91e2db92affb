/**
 * Text people typed, made safe to lay out in any export: no control characters, no bidi overrides that would
 * reorder what a reader sees around it, one kind of line break. Emoji, accents and zero-width joiners (which
 * hold emoji sequences together) are kept.
 */

// C0 controls except tab and line feed, DEL, C1 controls, bidi embeddings/overrides (U+202A–U+202E) and isolates
// (U+2066–U+2069).
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Removes control and bidi override characters and turns every line break into "\n". */
export function cleanText(value: string): string {
  return value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE_CONTROLS, '')
}

/** The non-empty lines of a text, trimmed (a card may hold several lines after a merge). */
export function textLines(value: string): string[] {
  return cleanText(value)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/** A text on one line (for headings): its lines joined by spaces. */
export function oneLine(value: string): string {
  return textLines(value).join(' ')
}
