#!/usr/bin/env node
import { auditCommand, AUDIT_HELP } from './audit-command';
import { CliIo, processIo } from './cli-io';
import { CliFailure, CliResult, CliUsageError } from './cli-result';
import { didYouMean } from './did-you-mean';
import { internalErrorMessage } from './internal-error';
import { synthCommand, SYNTH_HELP } from './synth-command';
import { toolVersion } from '../synth/tool-version';

const HELP = `Usage: secure-aks <command> [options]

Commands:
  synth [target...]   synthesize definitions offline into ARM templates,
                      Kubernetes manifests and review reports
  audit <file>...     audit clusters from their Azure JSON (REST, az aks show,
                      ARM template; - for standard input): broken rules,
                      encryption, baseline, as text, JSON or SARIF; with
                      --approved <dir>, their drift from the approved synth

Options:
  -h, --help          show this help (secure-aks synth --help for the command's)
  -v, --version       show the version

${SYNTH_HELP.split('\n')[0]}
${AUDIT_HELP.split('\n')[0]}`;

const COMMANDS = ['synth', 'audit', 'help'] as const;

function version(): string {
  return toolVersion();
}

/**
 * Runs the command line `argv` (without node and the script) and returns what
 * to print. It never throws: a usage mistake, or input or output it cannot
 * use, gives exit code 2 with the reason on standard error; any other error is
 * an internal error (exit code 2, what to report, no stack, nothing on
 * standard output, so no half report); a definition's problems are the
 * synth's own report (exit code 1).
 */
export function runCli(argv: readonly string[], cwd = process.cwd(), io: Partial<CliIo> = {}): CliResult {
  const [command, ...rest] = argv;
  const context: CliIo = { ...processIo(cwd), ...io };
  try {
    // A bare command is a mistake: the usage, on standard error (as git does).
    if (command === undefined) return { code: 2, stdout: '', stderr: `${HELP}\n` };
    if (command === '-h' || command === '--help' || command === 'help') return { code: 0, stdout: `${HELP}\n`, stderr: '' };
    if (command === '-v' || command === '--version') return { code: 0, stdout: `${version()}\n`, stderr: '' };
    if (command === 'synth') return synthCommand(rest, context);
    if (command === 'audit') return auditCommand(rest, context, version());
    const suggestion = didYouMean(command.replace(/^-+/, ''), COMMANDS);
    throw new CliUsageError(`unknown command '${command}'${suggestion ? `. Did you mean '${suggestion}'?` : ''}`);
  } catch (e) {
    if (e instanceof CliUsageError) {
      const help = command === 'synth' || command === 'audit' ? `secure-aks ${command} --help` : 'secure-aks --help';
      return { code: 2, stdout: '', stderr: `secure-aks: ${e.message}\nSee '${help}'.\n` };
    }
    if (e instanceof CliFailure) return { code: 2, stdout: '', stderr: `secure-aks: ${e.message}\n` };
    return { code: 2, stdout: '', stderr: internalErrorMessage(e, argv, safeVersion(), context.env.SECURE_AKS_DEBUG === '1') };
  }
}

/** The version, or what stands for it when even package.json cannot be read. */
function safeVersion(): string {
  try {
    return version();
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  // A reader that stops early (`secure-aks audit x.json | head`) is no error: exit quietly, as cat does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const result = runCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
