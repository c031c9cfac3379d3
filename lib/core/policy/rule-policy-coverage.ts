import { CLUSTER_RULES } from '../aks/cluster-rule-set';
import { notExpressibleReason } from '../aks/rules/azure-policy-reach';
import { SUBNET_RULES } from '../aks/rules/subnet-rules';
import { Rule } from '../validation/rule';
import { policyDefinitionName } from './rule-policy-definitions';

/**
 * The "Azure Policy" column of the rules table: the name of the definition
 * compiled from the rule (and what it judges, when not the cluster), or why
 * Azure Policy cannot express it.
 * @internal
 */
export function azurePolicyOf(rule: Rule): string {
  const clusterRule = CLUSTER_RULES.find((r) => r.rule === rule);
  if (!clusterRule) return 'not expressible: checked on what the library builds (a definition, its Kubernetes objects, its templates), not on a deployed Azure resource';
  if (clusterRule.condition || clusterRule.requiredResource) return `definition ${policyDefinitionName(rule)}`;
  const onResource = SUBNET_RULES.find((r) => r.rule === rule);
  if (onResource) return `definition ${policyDefinitionName(rule)}, on ${onResource.judges}`;
  return `not expressible: ${notExpressibleReason(clusterRule) ?? 'no reason recorded'}`;
}
