import type { Command, CommandError } from '../../../shared/commands'
import { fr } from '../../i18n/fr'
import type { MessageKey } from '../../i18n'
import { CommandFailure, type CommandResult } from '../../sync/commands'
import { sendCommand } from '../commandLink'
import { useLoupeStore } from '../store'

/** The message for a refusal; codes without words of their own (added later, say) get a general one. */
export function refusalMessage(error: CommandError): MessageKey {
  const key = `command.error.${error}`
  return key in fr ? (key as MessageKey) : 'command.error.other'
}

/**
 * Sends a command and tells this person, in a short notice, when the server refused it or could not be reached.
 * Resolves with the server's answer, or null when none came.
 */
export async function runCommand(command: Command): Promise<CommandResult | null> {
  try {
    const result = await sendCommand(command)
    if (!result.ok) useLoupeStore.setState({ notice: refusalMessage(result.error) })
    return result
  } catch (error) {
    const reason = error instanceof CommandFailure ? error.reason : 'timeout'
    useLoupeStore.setState({ notice: `command.failed.${reason}` })
    return null
  }
}

/** Whether a command went through: the common question of buttons that only need to know that. */
export async function commandApplied(command: Command): Promise<boolean> {
  return (await runCommand(command))?.ok === true
}
