import { AcknowledgedViolation, Acknowledgement } from './acknowledgement';
import { Rule } from './rule';
import { ALL_RULES, MIN_ACKNOWLEDGEMENT_REASON, Rules } from './rule-catalog';
import { SecureAksValidationError } from './validation-error';
import { Violation } from './violation';

/**
 * Collects violations from all validators so that every problem is reported at once.
 * @category Validation
 */
export class ViolationCollector {
  private readonly items: Violation[] = [];
  private readonly accepted: AcknowledgedViolation[] = [];
  private readonly checked: Rule[] = [];

  /** Records a violation of `rule` at `property`. */
  public add(rule: Rule, property: string, value: unknown, fix: string, detail?: string): void {
    this.items.push({ rule, property, value, fix, detail });
  }

  /**
   * Records that `rules` were checked, whatever they found. A rule checked
   * that records no violation is kept: the evidence says so, and says it of
   * no rule that was not checked.
   */
  public evaluated(...rules: readonly Rule[]): void {
    for (const r of rules) if (!this.checked.includes(r)) this.checked.push(r);
  }

  /** Every rule checked: those {@link evaluated} records, and those that recorded a violation, in the order first met. */
  public get evaluatedRules(): Rule[] {
    const out = [...this.checked];
    for (const v of this.items) if (!out.includes(v.rule)) out.push(v.rule);
    return out;
  }

  /** Records violations found by another validator. */
  public addAll(violations: readonly Violation[]): void {
    this.items.push(...violations);
  }

  /**
   * Takes everything another collector holds (acknowledged warnings and notes
   * included), under `prefix`, or at the property `prefix` maps each one's to.
   */
  public merge(other: ViolationCollector, prefix?: string | ((property: string) => string)): void {
    const at = (v: Violation): Violation =>
      typeof prefix === 'function' ? { ...v, property: prefix(v.property) } : prefix ? { ...v, property: v.property ? `${prefix}.${v.property}` : prefix } : v;
    this.items.push(...[...other.errors, ...other.warnings, ...other.infos].map(at));
    this.accepted.push(...other.acknowledged.map((a) => ({ ...a, violation: at(a.violation) })));
    this.evaluated(...other.evaluatedRules);
  }

  /** Error-severity violations. */
  public get errors(): Violation[] {
    return this.items.filter((v) => v.rule.severity === 'error');
  }

  /** Warning-severity violations that no acknowledgement accepts: reported, never blocking. */
  public get warnings(): Violation[] {
    return this.items.filter((v) => v.rule.severity === 'warning' && !this.accepted.some((a) => a.violation === v));
  }

  /** Facts for the reader (info severity): recorded in the reports, not printed as warnings. */
  public get infos(): Violation[] {
    return this.items.filter((v) => v.rule.severity === 'info');
  }

  /** Warnings accepted by an acknowledgement, with it. */
  public get acknowledged(): AcknowledgedViolation[] {
    return [...this.accepted];
  }

  /**
   * Applies the definition's acknowledgements (at `property`): each accepts
   * the warnings of its rule. An acknowledgement of an unknown rule, of an
   * error, or without a real reason is an error; one that accepts nothing is a
   * warning, so that stale acknowledgements do not pile up unseen.
   */
  public acknowledge(acknowledgements: readonly Acknowledgement[], property = 'acknowledgements'): void {
    acknowledgements.forEach((ack, i) => {
      const at = `${property}[${i}]`;
      const rule = ALL_RULES.find((r) => r.id === ack.ruleId);
      if (!rule || rule.severity !== 'warning') {
        this.add(Rules.acknowledgement, `${at}.ruleId`, ack.ruleId, rule ? 'fix the error: errors cannot be acknowledged' : 'name a warning rule of docs/validation-rules.md');
        return;
      }
      if (ack.reason.trim().length < MIN_ACKNOWLEDGEMENT_REASON) {
        this.add(Rules.acknowledgement, `${at}.reason`, ack.reason, `say why the finding is accepted, in at least ${MIN_ACKNOWLEDGEMENT_REASON} characters`);
        return;
      }
      const matching = this.warnings.filter((w) => w.rule.id === ack.ruleId && (ack.property === undefined || w.property === ack.property));
      if (matching.length === 0) {
        this.add(Rules.acknowledgementUnused, at, ack.ruleId, 'remove the acknowledgement: the definition does not break this rule (any more)');
      }
      this.accepted.push(...matching.map((violation) => ({ violation, acknowledgement: ack })));
    });
  }

  /** Throws a {@link SecureAksValidationError} listing every error, if there is any. */
  public throwIfErrors(subject: string): void {
    const errors = this.errors;
    if (errors.length > 0) throw new SecureAksValidationError(subject, errors);
  }
}
