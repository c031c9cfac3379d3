import { Fact, Provenance } from '../description/fact';
import { Rule } from '../validation/rule';
import { Violation } from '../validation/violation';

/**
 * A rule's answer on one subject: broken, kept, or not decidable from what was read.
 * @category Audit
 */
export type Verdict = 'pass' | 'fail' | 'undecided';

/**
 * Why a rule is undecided: the value it needs is unknown, or a resource it needs was not read.
 * @category Audit
 */
export interface UndecidedReason {
  readonly reason: string;
  /** The REST path of the value that is not known, when there is one. */
  readonly path?: string;
  readonly at?: Provenance;
  /**
   * Set when the rule needs what the description does not hold (a resource
   * not read, a setting Azure chooses at deployment, a fact the library's
   * tables lack), not a value of it that is unknown or malformed. A
   * definition's own payload is never undecided otherwise.
   */
  readonly notHeld?: true;
}

/**
 * One rule's verdict on one cluster, with what decided it.
 * @category Audit
 */
export interface RuleOutcome {
  readonly rule: Rule;
  readonly verdict: Verdict;
  /** The broken parts (verdict `fail`). */
  readonly findings: readonly Violation[];
  /** What kept it from being decided (verdict `undecided`; also recorded beside a `fail`). */
  readonly undecided: readonly UndecidedReason[];
  /** The facts the rule read to decide (the cluster's settings and the resources beside it), with their provenance. */
  readonly observed: readonly Fact[];
}
