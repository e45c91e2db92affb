import { create } from 'zustand'
import { initialBoard, type BoardSlice } from './slices/board'
import { initialConnection, type ConnectionSlice } from './slices/connection'
import { initialControl, type ControlSlice } from './slices/control'
import { initialPresence, type PresenceSlice } from './slices/presence'
import { initialRoster, type RosterSlice } from './slices/roster'
import { initialSession, type SessionSlice } from './slices/session'
import { initialUi, type UiSlice } from './slices/ui'

export type LoupeState = BoardSlice &
  ControlSlice &
  RosterSlice &
  PresenceSlice &
  ConnectionSlice &
  SessionSlice &
  UiSlice

const initialState = (): LoupeState => ({
  ...initialBoard(),
  ...initialControl(),
  ...initialRoster(),
  ...initialPresence(),
  ...initialConnection(),
  ...initialSession(),
  ...initialUi(),
})

/** The one store: a read-only projection of the workshop document plus this screen's state. Read it through hooks. */
export const useLoupeStore = create<LoupeState>()(initialState)

/** Back to an empty store (leaving a workshop, or between tests). */
export function resetStore(): void {
  useLoupeStore.setState(initialState(), true)
}
