/** What a command prints and its exit code; `main` writes it, tests read it. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A mistake in the command line itself (unknown flag, missing value, missing target): exit code 2, with a pointer to the help. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * A command that cannot do its work for a reason outside the program (a file
 * that cannot be written, standard input that cannot be read): exit code 2,
 * with the reason on one line.
 */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}
