import { formatViolation, Violation } from './violation';

/**
 * Thrown when input breaks one or more error-severity rules. It carries every
 * violation found, not just the first, so one run shows everything to fix.
 */
export class SecureAksValidationError extends Error {
  /** Every violation found, in input order. */
  public readonly violations: readonly Violation[];

  constructor(subject: string, violations: readonly Violation[]) {
    const count = violations.length;
    super(
      `${subject}: ${count} ${count === 1 ? 'problem' : 'problems'} must be fixed before anything is deployed or written\n` +
        violations.map(formatViolation).join('\n'),
    );
    this.name = 'SecureAksValidationError';
    this.violations = violations;
  }

  /** The ids of the rules broken, in order, for assertions and tooling. */
  public get ruleIds(): string[] {
    return this.violations.map((v) => v.rule.id);
  }
}
