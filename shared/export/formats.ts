import { renderVotesCsv, type CsvSeparator } from './csv'
import { renderHtml } from './html'
import { FRENCH_LABELS, type SynthesisLabels } from './labels'
import { renderMarkdown } from './markdown'
import type { WorkshopExport } from './model'
import { buildSynthesis } from './synthesis'

/** The export formats, each with its file: what the HTTP route and the command line both serve. */

export const EXPORT_FORMATS = ['md', 'html', 'json', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function isExportFormat(value: unknown): value is ExportFormat {
  return EXPORT_FORMATS.includes(value as ExportFormat)
}

export interface ExportFile {
  body: string
  contentType: string
  filename: string
}

export interface RenderOptions {
  separator?: CsvSeparator
  labels?: SynthesisLabels
}

const FILE_SUFFIX: Record<ExportFormat, string> = {
  md: 'synthese.md',
  html: 'synthese.html',
  json: 'atelier.json',
  csv: 'votes.csv',
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
}

/**
 * A file name made of the title's letters and digits only (accents dropped), so it needs no quoting anywhere.
 * @example slugify('Participation & partenariats à la loupe') // 'participation-partenariats-a-la-loupe'
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'atelier'
}

/** Renders an exported workshop in one format, with the file name and content type to serve it under. */
export function renderExport(
  workshop: WorkshopExport,
  format: ExportFormat,
  options: RenderOptions = {},
): ExportFile {
  const filename = `${slugify(workshop.meta.title)}-${FILE_SUFFIX[format]}`
  const labels = options.labels ?? FRENCH_LABELS
  const body =
    format === 'md'
      ? renderMarkdown(buildSynthesis(workshop, labels))
      : format === 'html'
        ? renderHtml(buildSynthesis(workshop, labels))
        : format === 'csv'
          ? renderVotesCsv(workshop, options.separator)
          : `${JSON.stringify(workshop, null, 2)}\n`
  return { body, contentType: CONTENT_TYPE[format], filename }
}
