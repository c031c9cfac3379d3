import { parseArgs, ParseArgsOptionsConfig } from 'node:util';

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

/**
 * Parses a command's arguments strictly (`node:util` parseArgs): positionals
 * and the given flags only. An unknown flag, or a flag without its value, is a
 * usage error that names the flag.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
}
