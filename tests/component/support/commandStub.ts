import type { Command } from '../../../shared/commands'
import { setCommandSender } from '../../../client/store'
import type { CommandResult } from '../../../client/sync/commands'

/**
 * Stands in for the server at the sync boundary: records every command the UI sends and answers with `answer`
 * (applied, by default). Everything above it (actions, store, components) is the real thing.
 */
export function stubCommands(answer: (command: Command) => CommandResult = () => ({ ok: true })) {
  const sent: Command[] = []
  setCommandSender(async (command) => {
    sent.push(command)
    return answer(command)
  })
  return {
    sent,
    /** The commands sent, without the clock pings and ballot requests the channel sends by itself. */
    actions: () => sent.filter((command) => command.type !== 'clock.ping' && command.type !== 'ballot.get'),
    restore: () => setCommandSender(null),
  }
}
