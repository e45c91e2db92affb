/** A failure to report in one line, without a stack trace; `code` is the process exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message)
  }
}

/** A mistake in how the command was typed (exit code 2). */
export const usageError = (message: string) =>
  new CliError(`${message}\nRun "npm run loupe -- help" for usage.`, 2)
