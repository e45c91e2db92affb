import { create } from 'zustand'
import { initialBoard, type BoardSlice } from './slices/board'
import { initialClock, type ClockSlice } from './slices/clock'
import { initialConnection, type ConnectionSlice } from './slices/connection'
import { initialControl, type ControlSlice } from './slices/control'
import { initialIndicators, type IndicatorsSlice } from './slices/indicators'
import { initialPresence, type PresenceSlice } from './slices/presence'
import { initialRoster, type RosterSlice } from './slices/roster'
import { initialSession, type SessionSlice } from './slices/session'
import { initialUi, type UiSlice } from './slices/ui'
import { initialVote, type VoteSlice } from './slices/vote'

export type LoupeState = BoardSlice &
  IndicatorsSlice &
  ControlSlice &
  RosterSlice &
  PresenceSlice &
  ConnectionSlice &
  SessionSlice &
  UiSlice &
  VoteSlice &
  ClockSlice

const initialState = (): LoupeState => ({
  ...initialBoard(),
  ...initialIndicators(),
  ...initialControl(),
  ...initialRoster(),
  ...initialPresence(),
  ...initialConnection(),
  ...initialSession(),
  ...initialUi(),
  ...initialVote(),
  ...initialClock(),
})

/** The one store: a read-only projection of the workshop document plus this screen's state. Read it through hooks. */
export const useLoupeStore = create<LoupeState>()(initialState)

/** Back to an empty store (leaving a workshop, or between tests). */
export function resetStore(): void {
  useLoupeStore.setState(initialState(), true)
}
