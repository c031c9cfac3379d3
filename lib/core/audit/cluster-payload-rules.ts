import { CLUSTER_RULES, CLUSTER_RULE_IDS } from '../aks/cluster-rule-set';
import { describeDeployment } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { evaluateClusterRules } from '../rules/evaluate-cluster-rules';
import { RuleOutcome } from '../rules/rule-outcome';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { AuditedResource } from './audited-resource';
import { describedFromAudited } from './described-from-audited';

/**
 * A rule not decided on this cluster, and why.
 * @category Audit
 */
export interface UndecidedRule {
  readonly rule: Rule;
  readonly reason: string;
}

/**
 * The result of the cluster rules on one cluster.
 * @category Audit
 */
export interface PayloadRuleResult {
  readonly violations: ViolationCollector;
  readonly undecided: readonly UndecidedRule[];
  /** Every rule's verdict. */
  readonly outcomes: readonly RuleOutcome[];
}

/**
 * Options of {@link checkClusterPayload}.
 * @category Audit
 */
export interface PayloadRuleOptions extends RuleEvaluationOptions {
  /**
   * Whether the related resources are the whole deployment (an ARM template,
   * a Pulumi stack): then a resource that is absent is absent.
   * @default false
   */
  readonly wholeDeployment?: boolean;
}

/**
 * The cluster rules (`CLUSTER_RULES`, each written once beside its domain) on
 * a cluster's payload as Azure describes it, with the resources deployed beside it.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update
 * @category Audit
 */
export function checkClusterPayload(cluster: AuditedResource, relatedResources: readonly AuditedResource[], options: PayloadRuleOptions = {}): PayloadRuleResult {
  const resources: DescribedResource[] = [cluster, ...relatedResources].map((r, i) => describedFromAudited(r, { document: 'payload', pointer: `/${i}` }));
  const [described] = describeDeployment([{ resources: [resources[0], ...resources.slice(1)], notExamined: [], problems: [], wholeDeployment: options.wholeDeployment ?? false }]).clusters;
  return resultOf(evaluateClusterRules(described, CLUSTER_RULES, { evaluationDate: options.evaluationDate }));
}

/**
 * The violations and undecided rules of a set of outcomes.
 * @internal
 */
export function resultOf(outcomes: readonly RuleOutcome[]): PayloadRuleResult {
  const violations = new ViolationCollector();
  const undecided: UndecidedRule[] = [];
  for (const o of outcomes) {
    violations.addAll(o.findings);
    if (o.verdict === 'undecided') undecided.push({ rule: o.rule, reason: [...new Set(o.undecided.map((u) => u.reason))].join('; ') });
  }
  return { violations, undecided, outcomes };
}

/**
 * The rules a payload decides: the "audit" and "policy pack" columns of the rules table.
 * @category Audit
 */
export const PAYLOAD_RULE_IDS: ReadonlySet<string> = new Set([...CLUSTER_RULE_IDS].filter((id) => id !== Rules.publicUnrestricted.id));

/**
 * Rules only a payload can break: a definition of this library never writes what they forbid.
 * @category Audit
 */
export const PAYLOAD_ONLY_RULE_IDS: ReadonlySet<string> = new Set(
  [Rules.servicePrincipalIdentity, Rules.localAccountsEnabled, Rules.kubernetesRbacOff, Rules.nodePublicIp].map((r) => r.id),
);
