#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliResult, CliUsageError } from './cli-result';
import { auditCommand, AUDIT_HELP } from './audit-command';
import { synthCommand, SYNTH_HELP } from './synth-command';

const HELP = `Usage: secure-aks <command> [options]

Commands:
  synth [target...]   synthesize definitions offline into ARM templates,
                      Kubernetes manifests and review reports
  audit <file>...     audit clusters from their Azure JSON (REST, az aks show,
                      ARM template): broken rules, encryption, baseline, as
                      text, JSON or SARIF

Options:
  -h, --help          show this help (secure-aks synth --help for the command's)
  -v, --version       show the version

${SYNTH_HELP.split('\n')[0]}
${AUDIT_HELP.split('\n')[0]}`;

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Runs the command line `argv` (without node and the script) and returns what
 * to print. Usage mistakes give exit code 2 with the reason and a pointer to
 * the help; a definition's problems are the synth's own report (exit code 1).
 */
export function runCli(argv: readonly string[], cwd = process.cwd()): CliResult {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { code: 0, stdout: `${HELP}\n`, stderr: '' };
    if (command === '-v' || command === '--version') return { code: 0, stdout: `${version()}\n`, stderr: '' };
    if (command === 'synth') return synthCommand(rest, cwd);
    if (command === 'audit') return auditCommand(rest, cwd, version());
    throw new CliUsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof CliUsageError) {
      const help = command === 'synth' || command === 'audit' ? `secure-aks ${command} --help` : 'secure-aks --help';
      return { code: 2, stdout: '', stderr: `secure-aks: ${e.message}\nSee ${help}.\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  const result = runCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
