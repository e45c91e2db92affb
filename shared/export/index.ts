/** Exports of a workshop (synthesis in Markdown and HTML, the whole workshop in JSON, votes in CSV) and import. */
export { buildWorkshopExport } from './fromDoc'
export { EXPORT_FORMAT, EXPORT_VERSION } from './model'
export type * from './model'
export { buildSynthesis, type Synthesis } from './synthesis'
export { renderMarkdown, escapeMarkdown } from './markdown'
export { renderHtml, escapeHtml } from './html'
export { renderVotesCsv, neutraliseFormula, CSV_COLUMNS, type CsvSeparator } from './csv'
export { FRENCH_LABELS, type SynthesisLabels } from './labels'
export { cleanText } from './sanitize'
export { parseWorkshopExport, type ParseResult } from './parse'
export { importWorkshopJson, type ImportedWorkshop, type ImportOptions } from './importDoc'
export {
  EXPORT_FORMATS,
  isExportFormat,
  renderExport,
  slugify,
  type ExportFile,
  type ExportFormat,
} from './formats'
