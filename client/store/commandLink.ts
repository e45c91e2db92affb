import { CommandFailure, type CommandResult, type CommandSender } from '../sync/commands'
import type { Command } from '../../shared/commands'

/** The sender of the open workshop's commands: the live channel, or whatever a test puts in its place. */
let sender: CommandSender | null = null

/** Plugs in (or, with null, unplugs) the function that carries commands to the server. */
export function setCommandSender(next: CommandSender | null): void {
  sender = next
}

/** Sends a command through the current sender; rejects with a CommandFailure('offline') when there is none. */
export function sendCommand(command: Command): Promise<CommandResult> {
  return sender ? sender(command) : Promise.reject(new CommandFailure('offline', command.type))
}
