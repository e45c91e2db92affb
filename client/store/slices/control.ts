import * as Y from 'yjs'
import { readControl } from '../../../shared/doc'
import type { ControlState } from '../../../shared/schema'

/** The facilitator's settings, as the server wrote them: phase, locked boards, and what later steps add. */
export interface ControlSlice {
  control: ControlState
}

// An empty document reads as the defaults, so this stays right whatever the control state grows to hold.
export const initialControl = (): ControlSlice => ({ control: readControl(new Y.Doc()) })
