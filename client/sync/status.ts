/**
 * Where the live connection stands. 'offline' covers every lost connection the provider keeps retrying;
 * the last three are final: the server said reconnecting with these credentials cannot help.
 */
export type ConnectionStatus =
  'connecting' | 'connected' | 'synced' | 'offline' | 'unauthorized' | 'removed' | 'not_found'

export const FINAL_STATUSES: ReadonlySet<ConnectionStatus> = new Set(['unauthorized', 'removed', 'not_found'])
