import type { ConnectionStatus } from '../sync/status'
import { useLoupeStore } from '../store'

/** How the live connection stands. */
export function useConnectionStatus(): ConnectionStatus {
  return useLoupeStore((s) => s.connection)
}
