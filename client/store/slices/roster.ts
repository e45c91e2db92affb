import type { RosterEntry } from '../../../shared/schema'

/** Everyone who joined the workshop, by participant id (written by the server). */
export interface RosterSlice {
  roster: Record<string, RosterEntry>
}

export const initialRoster = (): RosterSlice => ({ roster: {} })
