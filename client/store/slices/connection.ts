import type { ConnectionStatus } from '../../sync/status'

export interface ConnectionSlice {
  connection: ConnectionStatus
  /** How many times the server refused our copy and the board was reloaded (shown once as a notice). */
  resyncs: number
}

export const initialConnection = (): ConnectionSlice => ({ connection: 'connecting', resyncs: 0 })
