import type * as Y from 'yjs'
import type { Command } from '../../../shared/commands'
import { indicatorHandlers } from '../../../server/commands/indicators'
import type { CommandContext } from '../../../server/commands/context'
import { setCommandSender } from '../../../client/store/commandLink'
import type { CommandResult } from '../../../client/sync/commands'

/**
 * The server's own indicator handlers, run in-process on the test's document, as the command sender of the board:
 * what the screen sends is checked, parsed and written exactly as the server would. Returns the commands received.
 */
export function serveIndicatorCommands(doc: Y.Doc): Command[] {
  const received: Command[] = []
  // The handlers only read the room's document and write through its queue: the queue here is the document itself.
  const room = { doc, change: async (write: (d: Y.Doc) => void) => write(doc) }
  const ctx = { room, now: Date.now() } as unknown as CommandContext
  setCommandSender(async (command): Promise<CommandResult> => {
    received.push(command)
    switch (command.type) {
      case 'indicators.import':
        return indicatorHandlers['indicators.import'](ctx, command)
      case 'indicator.pin':
        return indicatorHandlers['indicator.pin'](ctx, command)
      case 'indicator.remove':
        return indicatorHandlers['indicator.remove'](ctx, command)
      default:
        return { ok: false, error: 'forbidden' }
    }
  })
  return received
}

export const stopServingCommands = () => setCommandSender(null)
