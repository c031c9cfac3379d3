import * as fs from 'node:fs';

/** What a command reads and writes besides its result: the process's, or a test's. */
export interface CliIo {
  /** The folder relative paths are read from. */
  readonly cwd: string;
  /** Standard input, whole (for the file `-`). */
  readonly readStdin: () => string;
  /** Where progress goes while a command runs: standard error when it is a terminal, else nowhere. */
  readonly progress?: { write(text: string): unknown };
  /** Whether the report goes to a terminal (colour is only ever used there). */
  readonly stdoutIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own input, output and environment. */
export function processIo(cwd = process.cwd()): CliIo {
  return {
    cwd,
    readStdin: () => fs.readFileSync(0, 'utf8'),
    // Progress only for a person watching: a pipeline's log gets none (as git and npm do).
    progress: process.stderr.isTTY ? process.stderr : undefined,
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
  };
}

/**
 * Whether to colour: only on a terminal, and never when NO_COLOR is set to
 * anything but the empty string.
 * @see https://no-color.org
 */
export function useColour(io: CliIo): boolean {
  return io.stdoutIsTty && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
