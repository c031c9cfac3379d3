import { formatViolation, Violation } from './violation';

/** The mark of the library's validation error, shared by every copy of the library. */
const BRAND = Symbol.for('secure-aks.validation-error');

/**
 * Thrown when input breaks one or more error-severity rules. It carries every
 * violation found, not just the first, so one run shows everything to fix.
 * @category Validation
 */
export class SecureAksValidationError extends Error {
  /**
   * Recognizes the error of any copy of the library loaded in the process (a
   * definition may load its own copy beside the CLI's), by a registered symbol.
   */
  public static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

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
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The ids of the rules broken, in order, for assertions and tooling. */
  public get ruleIds(): string[] {
    return this.violations.map((v) => v.rule.id);
  }
}
