import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { EXPORT_FORMATS, isExportFormat, renderExport, type CsvSeparator } from '../../shared/export'
import { SQLITE_FILE, openSqliteStorage } from '../persistence/sqlite'
import { exportStoredWorkshop, importWorkshop } from '../workshopFiles'
import { CliError, usageError } from './errors'
import { openReadOnlyStore } from './store'

/** The command line's commands. Each returns what to print on stdout; failures throw CliError. */

export interface ExportArgs {
  workshopId: string
  format: string
  out: string | undefined
  separator: string
  dataDir: string
}

/** Writes a workshop's export to a file, or returns it for stdout. */
export async function exportCommand(args: ExportArgs): Promise<{ stdout: string; stderr: string }> {
  if (!isExportFormat(args.format)) throw usageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`)
  if (args.separator !== ',' && args.separator !== ';') throw usageError('--sep must be "," or ";".')
  const separator: CsvSeparator = args.separator
  const store = openReadOnlyStore(args.dataDir)
  try {
    if (!(await store.registry.findWorkshop(args.workshopId))) {
      throw new CliError(`No workshop "${args.workshopId}" in ${resolve(args.dataDir)}.`)
    }
    const workshop = await exportStoredWorkshop(store.docs, args.workshopId)
    const file = renderExport(workshop, args.format, { separator })
    if (args.out === undefined) return { stdout: file.body, stderr: '' }
    writeFileSync(args.out, file.body)
    return { stdout: '', stderr: `Wrote ${resolve(args.out)}\n` }
  } finally {
    store.close()
  }
}

export interface ImportArgs {
  file: string
  dataDir: string
  baseUrl: string
}

function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new CliError(`${file} is not JSON: export a workshop with --format json.`)
  }
}

/** Creates a new workshop from an exported one and says how to open it. */
export async function importCommand(args: ImportArgs): Promise<{ stdout: string; stderr: string }> {
  const json = readJsonFile(args.file)
  const storage = openSqliteStorage(resolve(args.dataDir), { checkpointInWorker: false })
  try {
    const outcome = await importWorkshop(storage, json)
    if (!outcome.ok) throw new CliError(`${args.file} is not an importable workshop: ${outcome.error}.`)
    const { id, joinCode, participantPath, facilitatorPath, notes } = outcome.created
    const base = args.baseUrl.replace(/\/+$/, '')
    const lines = [
      `Workshop: ${id}`,
      `Join code: ${joinCode}`,
      `Participants: ${base}${participantPath}`,
      `Facilitator (keep it secret): ${base}${facilitatorPath}`,
      ...notes.map((note) => `Note: ${note}`),
    ]
    return { stdout: `${lines.join('\n')}\n`, stderr: '' }
  } finally {
    await storage.close()
  }
}

/**
 * Copies the live database to DIR/loupe.sqlite with SQLite's online backup: a consistent copy even while the
 * server writes. DIR can then serve as a data directory itself.
 */
export async function backupCommand(args: {
  dir: string
  dataDir: string
}): Promise<{ stdout: string; stderr: string }> {
  const target = join(resolve(args.dir), SQLITE_FILE)
  if (existsSync(target)) throw new CliError(`${target} already exists; choose an empty directory.`)
  const store = openReadOnlyStore(args.dataDir)
  try {
    mkdirSync(resolve(args.dir), { recursive: true })
    await store.db.backup(target)
  } finally {
    store.close()
  }
  // Counted in the copy itself: the proof that it opens.
  const copy = new Database(target, { readonly: true, fileMustExist: true })
  try {
    const { n } = copy.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workshops').get() ?? { n: 0 }
    return { stdout: `Backed up ${n} workshop${n === 1 ? '' : 's'} to ${target}\n`, stderr: '' }
  } finally {
    copy.close()
  }
}
