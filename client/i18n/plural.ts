import type { Translate } from './useT'
import type { MessageKey, MessageParams } from './types'

// Building the rules loads locale data: one per language, kept.
const rules = new Map<string, Intl.PluralRules>()

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
  let languageRules = rules.get(language)
  if (!languageRules) rules.set(language, (languageRules = new Intl.PluralRules(language)))
  const form = languageRules.select(count) === 'one' ? keys.one : keys.other
  return t(form, { ...params, count })
}
