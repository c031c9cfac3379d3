import { RuleEvaluationOptions } from '../core/rules/rule-evaluation-options';

/**
 * Something `secure-aks-synth` can write offline: an example or a user's own
 * stack definition. Building the artifacts validates the input, so a target
 * that throws writes nothing.
 * @category Synthesis targets
 */
export interface SynthTarget {
  /**
   * The files to write, by path relative to the target's output folder
   * (`cluster.template.json`, `client.k8s.yaml`). Content is final text.
   * The support windows are judged on `options.evaluationDate` (default:
   * today in UTC), which the reports record.
   */
  artifacts(options?: RuleEvaluationOptions): Readonly<Record<string, string>>;
  /** Non-blocking findings to show after a successful build (formatted text). */
  warnings?(): readonly string[];
}

/**
 * Serializes JSON deterministically: two-space indent, trailing newline.
 * @category Synthesis targets
 */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
