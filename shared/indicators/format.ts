/** Indicator figures as people read them: "45 %", "12,5", "1 234,5" in French; "45%", "12.5" in English. */

const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale)
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })))
  return format
}

/** The number alone, grouped and with the language's decimal mark. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value)
}

/** What goes between a number and its unit: French typography puts a narrow no-break space, even before "%". */
export function unitGap(unit: string, locale: string): string {
  if (unit === '') return ''
  return unit === '%' && !locale.startsWith('fr') ? '' : '\u202f'
}

/**
 * A figure with its unit, on one unbreakable line.
 * @example formatFigure(45, '%', 'fr') // '45 %' (narrow no-break space)
 */
export function formatFigure(value: number, unit: string, locale: string): string {
  return `${formatNumber(value, locale)}${unitGap(unit, locale)}${unit}`
}
