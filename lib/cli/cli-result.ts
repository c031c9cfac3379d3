/** What a command prints and its exit code; `main` writes it, tests read it. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A mistake in the command line itself (unknown flag, missing value, missing target): exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
