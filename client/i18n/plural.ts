import type { Translate } from './useT'
import type { MessageKey, MessageParams } from './types'

/**
 * The singular or plural form of a message for a count, by the language's own rules (French says "0 point",
 * English "0 points"). `{count}` is filled in.
 * @example plural(t, 'fr', { one: 'vote.points.one', other: 'vote.points.other' }, 2) // '2 points'
 */
export function plural(
  t: Translate,
  language: string,
  keys: { one: MessageKey; other: MessageKey },
  count: number,
  params: MessageParams = {},
): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? keys.one : keys.other
  return t(form, { ...params, count })
}
