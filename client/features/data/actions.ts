import type { CommandError } from '../../../shared/commands'
import type { ImportMode } from '../../../shared/ops'
import { useLoupeStore } from '../../store'
import { runCommand } from '../../store/actions/commands'
import { sendCommand } from '../../store/commandLink'
import { pinnedIndicatorIds } from '../../store/indicatorSelectors'

/** The facilitator's commands on indicators. The server writes the `indicators` root; the board follows the document. */

export type ImportOutcome =
  | { ok: true; imported: number; pinned: number }
  | { ok: false; error: CommandError | 'unreachable'; message: string | null }

const count = (data: unknown, field: string) => {
  const value = (data as Record<string, unknown> | null | undefined)?.[field]
  return typeof value === 'number' ? value : 0
}

/** Sends a whole file to import; the answer says how many indicators came in, or why none did. */
export async function importIndicatorFile(csv: string, mode: ImportMode): Promise<ImportOutcome> {
  try {
    const result = await sendCommand({ type: 'indicators.import', csv, mode })
    if (result.ok) return { ok: true, imported: count(result.data, 'imported'), pinned: count(result.data, 'pinned') }
    // The server may explain a refusal in words (the file's broken lines): shown as it comes.
    const message = (result as { message?: unknown }).message
    return { ok: false, error: result.error, message: typeof message === 'string' ? message : null }
  } catch {
    return { ok: false, error: 'unreachable', message: null }
  }
}

/** Pins an indicator to a board as its last data card (or at `index`). */
export function pinToBoard(indicatorId: string, themeId: string, index?: number): Promise<unknown> {
  return runCommand({ type: 'indicator.pin', indicatorId, themeId, ...(index === undefined ? {} : { index }) })
}

/** Takes an indicator off its board; it goes back to the indicators to pin. */
export function unpinIndicator(indicatorId: string): Promise<unknown> {
  return runCommand({ type: 'indicator.pin', indicatorId, themeId: null })
}

/** Moves a data card one place left (-1) or right (+1) on its board. */
export function moveDataCard(indicatorId: string, themeId: string, step: -1 | 1): Promise<unknown> | null {
  const ids = pinnedIndicatorIds(useLoupeStore.getState(), themeId)
  const from = ids.indexOf(indicatorId)
  const to = from + step
  if (from < 0 || to < 0 || to >= ids.length) return null
  return runCommand({ type: 'indicator.pin', indicatorId, themeId, index: to })
}

/** Deletes an indicator from the workshop. */
export function deleteIndicator(indicatorId: string): Promise<unknown> {
  return runCommand({ type: 'indicator.remove', indicatorId })
}
