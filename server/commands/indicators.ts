import { roots } from '../../shared/doc'
import {
  describeIssues,
  importableIndicators,
  INDICATOR_LIMITS,
  parseIndicatorCsv,
  utf8Bytes,
} from '../../shared/indicators'
import { importIndicators, pinIndicator, removeIndicator, type ImportSummary } from '../../shared/ops'
import { done, refuse, type CommandContext, type Handlers, type Outcome } from './context'

/** The observatory's indicators: importing a file, pinning indicators to boards as data cards, removing them. */

/** Problems sent back in a refusal's details: enough to fix a file, never a reply the size of the file. */
const MAX_ISSUES_REPLIED = 50

async function importFile(ctx: CommandContext, csv: string, mode: 'append' | 'replace'): Promise<Outcome> {
  if (utf8Bytes(csv) > INDICATOR_LIMITS.fileBytes) {
    return refuse('too_large', `le fichier dépasse ${INDICATOR_LIMITS.fileBytes / 1024} Ko`)
  }
  // The server parses with the same parser the browser previewed with: it never trusts the client's reading.
  const file = parseIndicatorCsv(csv)
  const rows = importableIndicators(file)
  if (!rows) {
    const issues = file.issues.length > 0 ? file.issues : [{ line: 0, code: 'empty_file' as const }]
    return refuse('invalid_csv', describeIssues(issues), { issues: issues.slice(0, MAX_ISSUES_REPLIED) })
  }
  const kept = mode === 'replace' ? 0 : roots(ctx.room.doc).indicators.size
  if (kept + rows.length > INDICATOR_LIMITS.rows) {
    return refuse(
      'too_large',
      `l’atelier compterait ${kept + rows.length} indicateurs, ${INDICATOR_LIMITS.rows} au plus`,
    )
  }
  const written: { summary: ImportSummary | null } = { summary: null }
  await ctx.room.change((doc) => {
    written.summary = importIndicators(doc, rows, mode)
  })
  const { summary } = written
  if (!summary) return refuse('too_large')
  return done({ imported: summary.ids.length, pinned: summary.pinned })
}

export const indicatorHandlers = {
  'indicators.import': (ctx, { csv, mode }) => importFile(ctx, csv, mode),
  'indicator.pin': async (ctx, { indicatorId, themeId, index }) => {
    const r = roots(ctx.room.doc)
    if (!r.indicators.has(indicatorId) || (themeId !== null && !r.themes.has(themeId)))
      return refuse('not_found')
    await ctx.room.change((doc) => pinIndicator(doc, indicatorId, themeId, index))
    return done()
  },
  'indicator.remove': async (ctx, { indicatorId }) => {
    if (!roots(ctx.room.doc).indicators.has(indicatorId)) return refuse('not_found')
    await ctx.room.change((doc) => removeIndicator(doc, indicatorId))
    return done()
  },
} satisfies Pick<Handlers, 'indicators.import' | 'indicator.pin' | 'indicator.remove'>
