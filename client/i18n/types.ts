import type { fr } from './fr'

/** Every message key; French is the reference language, so a key missing elsewhere is a type error. */
export type MessageKey = keyof typeof fr
export type Messages = Record<MessageKey, string>

/** One language: adding a two-letter file in this folder that default-exports a pack adds it to the switch. */
export interface LanguagePack {
  code: string
  /** The language's name in itself, as the switch shows it. */
  label: string
  messages: Messages
}

export type MessageParams = Record<string, string | number>
