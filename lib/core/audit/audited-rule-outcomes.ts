import { CLUSTER_RULES } from '../aks/cluster-rule-set';
import { BaselineCheck, BaselineStatus } from '../aks/security-baseline';
import { ClusterDescription } from '../description/cluster-description';
import { evaluateClusterRules } from '../rules/evaluate-cluster-rules';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { RuleOutcome } from '../rules/rule-outcome';
import { Violation } from '../validation/violation';
import { todayInUtc } from '../versions/evaluation-date';
import { resultOf, UndecidedRule } from './cluster-payload-rules';
import { guardEmittedStrings } from './emitted-strings';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The cluster rules on one described subject, as every audit reports them:
 * the evaluation date, each rule's outcome, the undecided ones, and the
 * findings, their strings guarded, errors first.
 */
export function auditedRuleOutcomes(
  d: ClusterDescription,
  options: RuleEvaluationOptions,
): { readonly evaluationDate: string; readonly outcomes: readonly RuleOutcome[]; readonly undecided: readonly UndecidedRule[]; readonly violations: Violation[] } {
  const evaluationDate = options.evaluationDate ?? todayInUtc();
  const outcomes = evaluateClusterRules(d, CLUSTER_RULES, { ...options, evaluationDate });
  const { undecided } = resultOf(outcomes);
  const violations = guardEmittedStrings(outcomes.flatMap((o) => o.findings)).sort((a, b) => SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity]);
  return { evaluationDate, outcomes, undecided, violations };
}

/** A baseline control with `status`, as the audit reports it: with the ids of the rules that decide it. */
export function auditedControl(check: BaselineCheck, status: BaselineStatus): { readonly id: string; readonly title: string; readonly status: BaselineStatus; readonly decidedBy: readonly string[] } {
  return { id: check.id, title: check.title, status, decidedBy: decidingIds(check) };
}

/** The ids of the rules that decide each control, listed once per control (frozen: every cluster's audit shares them). */
const DECIDING_IDS = new WeakMap<BaselineCheck, readonly string[]>();

function decidingIds(check: BaselineCheck): readonly string[] {
  let ids = DECIDING_IDS.get(check);
  if (ids === undefined) {
    ids = Object.freeze([...check.decidedBy, ...(check.partlyMetUnless ?? [])].map((rule) => rule.id));
    DECIDING_IDS.set(check, ids);
  }
  return ids;
}
