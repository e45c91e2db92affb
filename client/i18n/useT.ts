import { useCallback, useSyncExternalStore } from 'react'
import { getLanguage, subscribeLanguage, t, type MessageKey, type MessageParams } from './index'

export type Translate = (key: MessageKey, params?: MessageParams) => string

/** The translation function; the component re-renders when the language changes. */
export function useT(): Translate {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage)
  // A new function per language, so memoised children that take `t` notice the switch too.
  return useCallback<Translate>((key, params) => t(key, params), [language])
}

/** The current language code, for `Intl` formatting. */
export function useLanguage(): string {
  return useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage)
}
