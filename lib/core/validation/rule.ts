import { SourceUrl } from './sources';

/**
 * How a broken rule is treated: an error blocks, a warning is printed on every
 * synth and deployment (unless acknowledged), an info is a fact recorded in the
 * reports for the reader.
 * @category Validation
 */
export type RuleSeverity = 'error' | 'warning' | 'info';

/**
 * One documented constraint. Rules are data: the validators cite them by id,
 * and docs/validation-rules.md is generated from the same catalog.
 * @category Validation
 */
export interface Rule {
  /** Stable identifier, cited in messages and docs, e.g. `SAKS-API-001`. */
  readonly id: string;
  /** The rule, stated as a constraint. */
  readonly statement: string;
  /** The documents the rule comes from. */
  readonly sources: readonly SourceUrl[];
  /** Where in the sources, when it helps the reader (section or line). */
  readonly citation?: string;
  /** Whether breaking the rule blocks synthesis and deployment. */
  readonly severity: RuleSeverity;
}
