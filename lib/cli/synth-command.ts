import * as fs from 'node:fs';
import * as path from 'node:path';
import { counted } from '../core/reports/counted';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { evaluationDateViolation } from '../core/versions/evaluation-date';
import { describeFailure, synthesize } from '../synth/synthesize';
import { SynthTarget } from '../synth/synth-target';
import { CliIo } from './cli-io';
import { CliFailure, CliResult, CliUsageError } from './cli-result';
import { definitionFileIn, enableTypeScriptDefinitions, loadDefinitionFile, loadsTypeScript, pulumiProjectOfProgram } from './definition-loader';
import { checkWritableFolder, describeFileSystemError } from './output-path';
import { parseCommandLine } from './parse-command-line';
import { Progress } from './progress';
import { writtenSummary } from './written-summary';

/** `secure-aks synth --help`. */
export const SYNTH_HELP = `Usage: secure-aks synth [target...] [options]

Synthesizes each target offline: ARM templates, Kubernetes manifests and the
review reports, into <output>/<target name>/. Every target is validated
first; if any is invalid, every problem of every target is printed, the exit
code is 1, and nothing is written. A definition that does not compile or
throws while loading is reported at its file, line and column.

Targets (default: .):
  a definition file      a .ts or .js file whose default export is a synth target
                         (named after its folder when it is definition.ts/.js)
  a folder               its definition.ts (or .js); without one, every
                         subfolder that has one

Options:
  -o, --output <dir>     where to write (default: dist; its folders are created)
  --only <a,b>           synthesize only the targets with these names
  --baseline <dir>       the previous synth to compare templates against, e.g.
                         the main branch's output in pull-request CI (default: --output)
  --allow-replace        accept changes Azure can only make by replacing a cluster
  --evaluation-date <YYYY-MM-DD>
                         the day the support windows are judged on, recorded in
                         the reports (default: today in UTC)
  -h, --help             show this help
  --out <dir>            deprecated: the former name of --output

The folders written go to standard output; problems, warnings and progress
(on a terminal only) to standard error. TypeScript definitions load without
loader flags.
Exit codes: 0 written, 1 invalid definitions (nothing written), 2 a usage
mistake, a folder that cannot be written or an internal error.`;

/** Runs `secure-aks synth` with its arguments (after the command name). */
export function synthCommand(argv: readonly string[], io: CliIo): CliResult {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      output: { type: 'string', short: 'o' },
      out: { type: 'string' },
      only: { type: 'string' },
      baseline: { type: 'string' },
      'allow-replace': { type: 'boolean' },
      'evaluation-date': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    ['out'],
  );
  if (values.help) return { code: 0, stdout: `${SYNTH_HELP}\n`, stderr: '' };
  let stderr = '';
  const evaluationDate = values['evaluation-date'];
  const badDate = evaluationDateViolation(evaluationDate, '--evaluation-date');
  if (badDate) return { code: 1, stdout: '', stderr: `${new SecureAksValidationError('secure-aks synth', [badDate]).message}\nsynth failed: nothing was written\n` };
  if (values.out !== undefined) {
    if (values.output !== undefined) throw new CliUsageError('give --output only (--out is its deprecated name)');
    stderr += 'secure-aks: warning: --out is deprecated; use --output (-o)\n';
  }
  const given = values.output ?? values.out ?? 'dist';
  const out = path.resolve(io.cwd, given);
  checkWritableFolder(out, given);
  const baseline = values.baseline === undefined ? undefined : path.resolve(io.cwd, values.baseline);
  if (baseline !== undefined && !fs.existsSync(baseline)) {
    throw new CliUsageError(`--baseline ${values.baseline}: no such folder`);
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);

  const progress = new Progress(io.progress);
  const targets = loadTargets(positionals, only, io.cwd, progress);
  if (only) {
    const missing = only.filter((n) => !targets.has(n));
    if (missing.length > 0) throw new CliUsageError(`--only ${values.only}: no target named ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  if (targets.size === 0) throw new CliUsageError(`no definition found in ${positionals.join(', ') || '.'}`);

  let result: ReturnType<typeof synthesize>;
  try {
    result = synthesize(targets, out, { allowReplacement: values['allow-replace'] === true, baselineDir: baseline, evaluationDate });
  } catch (e) {
    // Only the writing touches the file system; anything else is the library's own fault.
    if (typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall) throw new CliFailure(`cannot write ${given}: ${describeFileSystemError(e)}`);
    throw e;
  }
  if (result.failures.size > 0) {
    for (const [name, error] of result.failures) stderr += `${describeFailure(name, error)}\n\n`;
    stderr += `synth failed: ${result.failures.size} of ${counted(targets.size, 'target')} invalid; nothing was written\n`;
    return { code: 1, stdout: '', stderr };
  }
  for (const [name, warnings] of result.warnings) {
    for (const w of warnings) stderr += `${name}: warning ${w}\n`;
  }
  return { code: 0, stdout: writtenSummary(result.written, out, io.cwd), stderr };
}

/** Every definition of the positional targets, by target name, each announced on a terminal when it is built. */
function loadTargets(positionals: readonly string[], only: readonly string[] | undefined, cwd: string, progress: Progress): Map<string, SynthTarget> {
  const files = new Map<string, string>();
  for (const t of positionals.length > 0 ? positionals : ['.']) {
    for (const [name, file] of resolveTarget(path.resolve(cwd, t), t)) {
      if (only && !only.includes(name)) continue;
      if (files.has(name)) throw new CliUsageError(`two targets are named "${name}": give them folders or files of different names`);
      files.set(name, file);
    }
  }
  const targets = new Map<string, SynthTarget>();
  let index = 0;
  for (const [name, file] of files) {
    const step = `synth: ${name} (${++index}/${files.size})`;
    // The TypeScript loader only when a definition needs it: a JavaScript definition starts without it.
    if (loadsTypeScript(file)) enableTypeScriptDefinitions();
    const target = loadDefinitionFile(file, cwd);
    targets.set(name, {
      artifacts: (options) => {
        progress.line(step);
        return target.artifacts(options);
      },
      warnings: target.warnings ? () => target.warnings!() : undefined,
    });
  }
  return targets;
}

/** The definitions a positional target stands for, by target name. */
function resolveTarget(absolute: string, given: string): Array<[string, string]> {
  if (!fs.existsSync(absolute)) throw new CliUsageError(`${given}: no such file or folder`);
  if (fs.statSync(absolute).isFile()) {
    if (!loadsTypeScript(absolute) && !absolute.endsWith('.js') && !absolute.endsWith('.cjs')) {
      throw new CliUsageError(`${given}: a definition is a .ts or .js file`);
    }
    const project = pulumiProjectOfProgram(absolute);
    if (project) {
      throw new CliUsageError(
        `${given} is the program of the Pulumi project ${path.join(path.dirname(given), path.relative(path.dirname(absolute), project))}: it registers resources, which only \`pulumi up\` runs. ` +
          'Give secure-aks synth the module whose default export is the synth target (definition.ts in the examples, which index.ts imports)',
      );
    }
    const base = path.basename(absolute).replace(/\.(ts|js|cjs|cts)$/, '');
    return [[base === 'definition' ? path.basename(path.dirname(absolute)) : base, absolute]];
  }
  const own = definitionFileIn(absolute);
  if (own) return [[path.basename(absolute), own]];
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [d.name, definitionFileIn(path.join(absolute, d.name))] as const)
    .filter((x): x is readonly [string, string] => x[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, file]) => [name, file]);
}
