import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

const MAIN = path.resolve(__dirname, '../../lib/cli/main.ts');

/**
 * Runs `secure-aks` as a user does, in its own process (the CLI's source
 * through tsx): standard input, output, error and the exit code as the
 * shell sees them. Standard error is a pipe, not a terminal.
 */
export function spawnCli(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), MAIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', SECURE_AKS_DEBUG: '', ...options.env },
  });
}

/** A stack frame as Node prints it: what a user must never see. */
export const STACK_FRAME = /\n\s+at .+:\d+:\d+\)?\n/;
