import type { Role } from '../../../shared/schema'

/** One person as the presence list shows them; objects are reused while nothing shown about them changes. */
export interface Person {
  id: string
  name: string
  centre: string
  role: Role
  color: string
  /** Card whose text they are typing in right now. */
  editing: string | null
  online: boolean
  idle: boolean
  self: boolean
}

export interface PresenceSlice {
  people: Person[]
  /**
   * The other people typing in each card, derived from `people` when it changes, so that each card reads its own
   * entry instead of filtering everyone on every change of the store. An array is kept while its people are.
   */
  editorsByCard: Readonly<Record<string, readonly Person[]>>
}

export const initialPresence = (): PresenceSlice => ({ people: [], editorsByCard: {} })
