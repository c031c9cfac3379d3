import { Rule } from '../validation/rule';
import { Violation, describeValue } from '../validation/violation';
import { ClausesOf } from './cluster-evidence';
import { EvidenceFinding, ObservedFact } from './evidence-pack';

/**
 * What a definition's validation tells of one subject (a cross-cluster link,
 * an estate): the rules it checked, and what they found.
 * @internal
 */
export interface DefinitionVerdicts {
  /** Every rule the validation checked on the subject. */
  readonly evaluated: readonly Rule[];
  /** Every violation it found that the subject still carries: warnings, acknowledged ones included (a built definition has no error). */
  readonly violations: readonly Violation[];
  /**
   * The command that prints, on the live system, what a property of the definition becomes: one
   * for every property (a link's objects), or one per violation (the resource each is about;
   * undefined where the property names nothing on the live system).
   * @default - none: each fact is given without a recheck
   */
  readonly recheck?: string | ((v: Violation) => string | undefined);
}

/**
 * One finding per rule the definition's validation checked on the subject:
 * `fail` with what breaks it, or `pass` when it found nothing. A rule never
 * checked there is not listed, and neither is a note (info severity), whose
 * findings the subject does not keep: no verdict is claimed that the
 * validation did not reach. Each broken property is an observed fact of the
 * definition (its value, located at the property), with the command that
 * re-reads what it becomes where there is one.
 * @internal
 */
export function definitionFindings(verdicts: DefinitionVerdicts, subject: string, clausesOf: ClausesOf): EvidenceFinding[] {
  const rules = [...verdicts.evaluated];
  for (const v of verdicts.violations) if (!rules.some((r) => r.id === v.rule.id)) rules.push(v.rule);
  return rules.flatMap((rule): EvidenceFinding[] => {
    const broken = verdicts.violations.filter((v) => v.rule.id === rule.id);
    if (broken.length === 0 && rule.severity === 'info') return [];
    const observed = broken.map((v) => observedProperty(v, typeof verdicts.recheck === 'function' ? verdicts.recheck(v) : verdicts.recheck));
    return [{
      key: `${rule.id}@${subject}`,
      kind: 'rule',
      controlId: rule.id,
      statement: rule.statement,
      severity: rule.severity,
      subject,
      verdict: broken.length > 0 ? 'fail' : 'pass',
      details: broken.length > 0
        ? broken.map((v) => `${v.property} = ${describeValue(v.value)}: ${v.fix}${v.detail ? ` (${v.detail})` : ''}`)
        : ['checked on the definition: nothing breaks it'],
      observed,
      clauses: clausesOf(rule.id),
      sources: rule.sources,
    }];
  });
}

/** A broken property of the definition, as read there. */
function observedProperty(v: Violation, recheck: string | undefined): ObservedFact {
  return { path: v.property, state: 'known', value: describeValue(v.value), at: { definition: v.property }, ...(recheck !== undefined ? { recheck } : {}) };
}
