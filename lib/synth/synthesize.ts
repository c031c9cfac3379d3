import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArmTemplate } from '../core/arm/arm-template';
import { checkClusterUpdate } from '../core/aks/cluster-update-check';
import { Rules } from '../core/validation/rule-catalog';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { formatViolation } from '../core/validation/violation';
import { evaluationDateViolation, todayInUtc } from '../core/versions/evaluation-date';
import { checkPinnedSupport, libraryPins } from '../core/versions/pinned-support';
import { SynthTarget } from './synth-target';
import { writeArtifacts } from './write-artifacts';

/**
 * The outcome of a synthesis run.
 * @category Synthesis
 */
export interface SynthResult {
  /** Files written, by target. */
  readonly written: ReadonlyMap<string, readonly string[]>;
  /** Targets that failed, with their errors. Nothing is written when any fails. */
  readonly failures: ReadonlyMap<string, Error>;
  /** Warnings of the targets that built. */
  readonly warnings: ReadonlyMap<string, readonly string[]>;
}

/**
 * Options of {@link synthesize}.
 * @category Synthesis
 */
export interface SynthOptions {
  /**
   * Accept changes to a previously synthesized template that Azure can only
   * make by replacing the cluster (or cannot make at all).
   * @default false
   */
  readonly allowReplacement?: boolean;
  /**
   * The previous synth to compare templates against: a committed copy, or the
   * output of the main branch downloaded in a pull request's CI.
   * @default - the output folder itself
   */
  readonly baselineDir?: string;
  /**
   * The day the support windows are judged on, `YYYY-MM-DD` in UTC: give a
   * fixed date for output that is byte-identical from one day to the next.
   * @default - today in UTC
   * @see https://learn.microsoft.com/azure/aks/supported-kubernetes-versions
   */
  readonly evaluationDate?: string;
}

/**
 * Builds every target's artifacts in memory; writes them only if all
 * targets succeed. Validation errors of all targets are collected, so one run
 * shows every problem. Templates already in `outDir` are treated as what is
 * deployed (or those in `baselineDir`): a change Azure cannot make in place is an error unless allowed.
 * The support windows of every target, and of the versions the library
 * itself pins, are judged on `evaluationDate`: a pin whose support has ended
 * fails every target, one whose support is ending warns on each.
 * @throws SecureAksValidationError when `evaluationDate` is not a calendar date (nothing is built or written)
 * @category Synthesis
 */
export function synthesize(
  targets: ReadonlyMap<string, SynthTarget>,
  outDir: string,
  options: SynthOptions = {},
): SynthResult {
  const invalid = evaluationDateViolation(options.evaluationDate, 'evaluationDate');
  if (invalid) throw new SecureAksValidationError('the synth options', [invalid]);
  const evaluationDate = options.evaluationDate ?? todayInUtc();
  const pins = checkPinnedSupport(libraryPins(), evaluationDate).violations;
  const pinErrors = pins.filter((v) => v.rule.severity === 'error');
  const pinWarnings = pins.filter((v) => v.rule.severity !== 'error').map(formatViolation);
  const built = new Map<string, Readonly<Record<string, string>>>();
  const failures = new Map<string, Error>();
  const warnings = new Map<string, readonly string[]>();
  for (const [name, target] of targets) {
    try {
      if (pinErrors.length > 0) throw new SecureAksValidationError('the versions secure-aks installs (update secure-aks)', pinErrors);
      const files = target.artifacts({ evaluationDate });
      if (!options.allowReplacement) checkAgainstPrevious(options.baselineDir ?? outDir, name, files);
      built.set(name, files);
      const w = [...pinWarnings, ...(target.warnings?.() ?? [])];
      if (w.length > 0) warnings.set(name, w);
    } catch (e) {
      failures.set(name, e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (failures.size > 0) return { written: new Map(), failures, warnings };
  writeArtifacts(outDir, built);
  return {
    written: new Map([...built].map(([name, files]) => [name, Object.keys(files).sort()])),
    failures,
    warnings,
  };
}

function checkAgainstPrevious(outDir: string, target: string, files: Readonly<Record<string, string>>): void {
  for (const [file, content] of Object.entries(files)) {
    const previousFile = path.join(outDir, target, file);
    if (!file.endsWith('.template.json') || !fs.existsSync(previousFile)) continue;
    const previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as ArmTemplate;
    const violations = checkClusterUpdate(previous, JSON.parse(content) as ArmTemplate);
    if (violations.length > 0) {
      throw new SecureAksValidationError(`${file} against the previous synth (pass --allow-replace to accept)`, violations);
    }
  }
}

/**
 * The synth target a definition file exports. A definition that throws while
 * loading, or exports no target, becomes a target that fails with the
 * library's validation error, so that every other target is still checked.
 * @category Synthesis
 */
export function loadDefinition(file: string): SynthTarget {
  const fail = (value: unknown, fix: string, detail?: string): SynthTarget => ({
    artifacts: () => {
      throw new SecureAksValidationError(`definition ${path.basename(path.dirname(file))}/${path.basename(file)}`, [
        { rule: Rules.inputType, property: 'default export', value, fix, detail },
      ]);
    },
  });
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(file);
  } catch (e) {
    if (e instanceof SecureAksValidationError) return { artifacts: () => { throw e; } };
    const message = e instanceof Error ? e.message : String(e);
    return fail(undefined, 'fix the error the definition throws while loading', `loading it threw: ${message.split('\n')[0]}`);
  }
  const target = (mod.default ?? mod.target) as SynthTarget | undefined;
  if (!target || typeof target.artifacts !== 'function') {
    return fail(typeof target, 'export a synth target as default, e.g. `export default hardenedClusterTarget(cluster)`');
  }
  return target;
}

/**
 * Formats a failure for the terminal.
 * @internal
 */
export function describeFailure(target: string, error: Error): string {
  if (error instanceof SecureAksValidationError) return `${target}: ${error.message}`;
  return `${target}: ${error.stack ?? error.message}`;
}
