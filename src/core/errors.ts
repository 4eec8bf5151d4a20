/** Exit codes of the commands. */
export const EXIT_OK = 0;
/** The command ran but failed (unreadable file, refused path, ...). */
export const EXIT_FAILURE = 1;
/** The command line was wrong. */
export const EXIT_USAGE = 2;

/**
 * An error whose message is safe to print: it never contains a credential. Code in this
 * product builds messages from flag names, file paths and registry names only.
 */
export class CommandError extends Error {
  /** The exit code the command returns for this error. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CommandError';
    this.exitCode = exitCode;
  }
}

/** A command-line mistake: exit code 2 and a pointer to `--help`. */
export class UsageError extends CommandError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
    this.name = 'UsageError';
  }
}
