import { ClusterDescription } from '../description/cluster-description';
import { ClusterRule, ClusterRuleContext } from './cluster-rule';
import { SecureAksValidationError } from '../validation/validation-error';
import { evaluationDateViolation, todayInUtc } from '../versions/evaluation-date';
import { RuleOutcome } from './rule-outcome';
import { RuleEvaluationOptions } from './rule-evaluation-options';

/**
 * Runs each rule on the cluster: `fail` when it found a broken part (a
 * failure found on known values stands even if another part is unknown),
 * `undecided` when a value it needs is unknown or a resource was not read,
 * `pass` otherwise. On pools whose cluster was not read, only the rules
 * that judge node pools run (`judgesPools`). The support windows are judged on the evaluation date
 * (today in UTC when none is given); an evaluation date that is not a
 * calendar date is refused with the library's validation error.
 */
export function evaluateClusterRules(cluster: ClusterDescription, rules: readonly ClusterRule[], options: RuleEvaluationOptions = {}): RuleOutcome[] {
  const invalid = evaluationDateViolation(options.evaluationDate, 'evaluationDate');
  if (invalid) throw new SecureAksValidationError('the evaluation options', [invalid]);
  const evaluationDate = options.evaluationDate ?? todayInUtc();
  const applicable = cluster.clusterRead ? rules : rules.filter((r) => r.judgesPools === true);
  return applicable.map((r) => {
    const c = new ClusterRuleContext(cluster, r.rule, evaluationDate);
    c.guard(() => r.check(c));
    const verdict = c.findings.length > 0 ? 'fail' : c.undecided.length > 0 ? 'undecided' : 'pass';
    return { rule: r.rule, verdict, findings: c.findings, undecided: c.undecided, observed: c.observed };
  });
}
