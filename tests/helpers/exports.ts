import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { addCard, addPerspective } from '../../shared/ops'
import type { CreateWorkshopResponse } from '../../shared/protocol'
import { readBoard } from '../../shared/read'
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting'
import { createWorkshop, request } from './api'
import { expectOk } from './commands'
import { everyoneSees, facilitatorOf, participantOf, type Person } from './people'
import type { TestServer } from './server'
import { waitFor } from './waitFor'

/** A workshop to export: written by real clients, with one revealed vote; and the ways to fetch its exports. */

const REPO_ROOT = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

export const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

/** GET /api/workshops/:id/export?<query> with a Bearer credential. */
export const fetchExport = (t: TestServer, id: string, query: string, token: string) =>
  request<string>(t.url, `/api/workshops/${id}/export?${query}`, auth(token))

export interface ExportedWorkshop {
  workshop: CreateWorkshopResponse
  facilitator: Person
  participant: Person
  perspectiveId: string
  destroy(): void
}

/**
 * "Regards croisés": a participant writes a perspective with an action line, an example and an idea to sort, then
 * votes for the perspective in a round the facilitator opens and reveals.
 */
export async function exportedWorkshop(t: TestServer): Promise<ExportedWorkshop> {
  const workshop = await createWorkshop(t.url, {
    title: 'Regards croisés',
    date: '2025-01-16',
    place: 'Angoulême',
    organiser: 'Fédération',
  })
  const facilitator = await facilitatorOf(t, workshop)
  const participant = await participantOf(t, workshop, 'Awa')
  const author = participant.participantId
  const themeId = readBoard(facilitator.doc).themes[0]?.id ?? ''
  const perspectiveId = addPerspective(participant.doc, { themeId, title: 'Se former ensemble' }) ?? ''
  addCard(participant.doc, { themeId, perspectiveId, text: 'Des formations <communes>', author })
  addCard(participant.doc, { themeId, perspectiveId, text: 'Le jardin partagé', author, example: true })
  addCard(participant.doc, { themeId, perspectiveId: null, text: '=cmd|calc', author })
  await waitFor(() => readBoard(facilitator.doc).cards.length === 3)
  await expectOk(facilitator.commands, { type: 'round.open', settings: DEFAULT_VOTE_SETTINGS })
  await everyoneSees([participant], (control) => control.round?.status === 'open')
  await expectOk(participant.commands, { type: 'vote.add', itemId: perspectiveId })
  await expectOk(facilitator.commands, { type: 'round.reveal' })
  await everyoneSees([facilitator], (control) => control.results?.totals[perspectiveId] === 1)
  return {
    workshop,
    facilitator,
    participant,
    perspectiveId,
    destroy() {
      facilitator.destroy()
      participant.destroy()
    },
  }
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the command line as `npm run loupe --` does (`tsx server/cli.ts`), in a process of its own. */
export async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}
