import { fr } from './fr'
import type { LanguagePack, MessageKey, MessageParams } from './types'

export type { MessageKey, MessageParams } from './types'

/** Every two-letter file of this folder is a language: adding one is all it takes to offer it. */
const packs = Object.values(
  import.meta.glob<LanguagePack>('./[a-z][a-z].ts', { eager: true, import: 'default' }),
)
  .filter((pack) => pack !== undefined)
  .sort((a, b) => (a.code === 'fr' ? -1 : b.code === 'fr' ? 1 : a.code.localeCompare(b.code)))

export const DEFAULT_LANGUAGE = 'fr'
const STORAGE_KEY = 'loupe-language'

export const LANGUAGES: readonly { code: string; label: string }[] = packs.map(({ code, label }) => ({
  code,
  label,
}))

function packFor(code: string): LanguagePack | undefined {
  return packs.find((pack) => pack.code === code)
}

function storedLanguage(): string {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (stored && packFor(stored)) return stored
  } catch {
    // Storage can be disabled (private browsing): French it is.
  }
  return DEFAULT_LANGUAGE
}

let current = storedLanguage()
const listeners = new Set<() => void>()

function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current
}
syncDocumentLanguage()

/** The current language code ('fr' unless someone switched). */
export function getLanguage(): string {
  return current
}

/** Switches the language everywhere, remembers it on this device and updates `<html lang>`. */
export function setLanguage(code: string): void {
  if (!packFor(code) || code === current) return
  current = code
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code)
  } catch {
    // Not remembered across visits, still switched now.
  }
  syncDocumentLanguage()
  for (const listener of listeners) listener()
}

/** Calls `listener` after each language switch; returns the unsubscribe function. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The message for `key` in the current language, with `{name}` placeholders filled from `params`.
 * @example t('board.perspective', { n: 2 }) // 'Perspective 2'
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = packFor(current)?.messages[key] ?? fr[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/** Joins names the way the current language lists them ("Awa, Léo et Inès"). */
export function listNames(names: readonly string[]): string {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(names)
}
