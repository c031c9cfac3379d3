import { ClusterDescription } from '../description/cluster-description';
import { ClusterRule, ClusterRuleContext } from './cluster-rule';
import { RuleOutcome } from './rule-outcome';

/**
 * Runs each rule on the cluster: `fail` when it found a broken part (a
 * failure found on known values stands even if another part is unknown),
 * `undecided` when a value it needs is unknown or a resource was not read,
 * `pass` otherwise.
 */
export function evaluateClusterRules(cluster: ClusterDescription, rules: readonly ClusterRule[]): RuleOutcome[] {
  return rules.map((r) => {
    const c = new ClusterRuleContext(cluster, r.rule);
    c.guard(() => r.check(c));
    const verdict = c.findings.length > 0 ? 'fail' : c.undecided.length > 0 ? 'undecided' : 'pass';
    return { rule: r.rule, verdict, findings: c.findings, undecided: c.undecided, observed: c.observed };
  });
}
