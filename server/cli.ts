import { parseArgs } from 'node:util'
import { backupCommand, exportCommand, importCommand } from './cli/commands'
import { CliError, usageError } from './cli/errors'
import { defaultDataDir } from './cli/store'

/** Loupe's command line: `npm run loupe -- <command>`. Exit codes: 0 done, 1 failed, 2 mistyped command. */

const HELP = `Loupe command line

  npm run -s loupe -- export <workshopId> --format md|html|json|csv [--sep ';'] [--out FILE] [--data-dir DIR]
      The synthesis (md, html), the whole workshop (json) or its votes (csv), to FILE or to stdout.
      Reads the database directly: it works while the server runs.
  npm run -s loupe -- import FILE [--data-dir DIR] [--url BASE]
      Creates a new workshop from a JSON export; prints its id, join code and links.
  npm run -s loupe -- backup DIR [--data-dir DIR]
      Copies the database, consistently even while the server runs, to DIR/loupe.sqlite.
  npm run -s loupe -- help

--data-dir defaults to $DATA_DIR, else ./data. --url (for the printed links) defaults to http://localhost:$PORT.
`

const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  sep: { type: 'string', default: ',' },
  'data-dir': { type: 'string' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw usageError((error as Error).message)
  }
}

function positional(positionals: string[], index: number, what: string): string {
  const value = positionals[index]
  if (!value) throw usageError(`Missing ${what}.`)
  if (positionals.length > index + 1) throw usageError(`Unexpected argument "${positionals[index + 1]}".`)
  return value
}

/** Runs one command line; resolves with what to print. */
async function runCli(argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const { values, positionals } = parse(argv)
  const [command] = positionals
  const dataDir = values['data-dir'] ?? defaultDataDir()
  if (values.help || command === undefined || command === 'help') return { stdout: HELP, stderr: '' }
  switch (command) {
    case 'export': {
      if (!values.format) throw usageError('Missing --format (md, html, json or csv).')
      const workshopId = positional(positionals, 1, 'the workshop id')
      return exportCommand({
        workshopId,
        format: values.format,
        out: values.out,
        separator: values.sep,
        dataDir,
      })
    }
    case 'import': {
      const baseUrl = values.url ?? `http://localhost:${process.env.PORT ?? 1234}`
      return importCommand({ file: positional(positionals, 1, 'the JSON file to import'), dataDir, baseUrl })
    }
    case 'backup':
      return backupCommand({ dir: positional(positionals, 1, 'the backup directory'), dataDir })
    default:
      throw usageError(`Unknown command "${command}".`)
  }
}

try {
  const { stdout, stderr } = await runCli(process.argv.slice(2))
  process.stdout.write(stdout)
  process.stderr.write(stderr)
} catch (error) {
  if (!(error instanceof CliError)) throw error
  process.stderr.write(`loupe: ${error.message}\n`)
  process.exitCode = error.code
}
