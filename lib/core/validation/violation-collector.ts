import { Rule } from './rule';
import { SecureAksValidationError } from './validation-error';
import { Violation } from './violation';

/**
 * Collects violations from all validators so that every problem is reported at once.
 */
export class ViolationCollector {
  private readonly items: Violation[] = [];

  /** Records a violation of `rule` at `property`. */
  public add(rule: Rule, property: string, value: unknown, fix: string, detail?: string): void {
    this.items.push({ rule, property, value, fix, detail });
  }

  /** Records violations found by another validator. */
  public addAll(violations: readonly Violation[]): void {
    this.items.push(...violations);
  }

  /** Error-severity violations. */
  public get errors(): Violation[] {
    return this.items.filter((v) => v.rule.severity === 'error');
  }

  /** Warning-severity violations: reported, never blocking. */
  public get warnings(): Violation[] {
    return this.items.filter((v) => v.rule.severity === 'warning');
  }

  /** Throws a {@link SecureAksValidationError} listing every error, if there is any. */
  public throwIfErrors(subject: string): void {
    const errors = this.errors;
    if (errors.length > 0) throw new SecureAksValidationError(subject, errors);
  }
}
