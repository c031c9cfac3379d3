import { ClusterDescription } from '../description/cluster-description';
import { evaluateClusterRules } from '../rules/evaluate-cluster-rules';
import { RuleOutcome } from '../rules/rule-outcome';
import { CLUSTER_RULES } from './cluster-rule-set';
import { describeDefinition } from './definition-description';
import { ManagedClusterModel } from './managed-cluster-model';

/**
 * Every cluster rule's outcome on what a model deploys: its payload, the
 * resources deployed with it, and the Kubernetes objects the deployment
 * applies to the cluster (Calico's FelixConfiguration among them), judged on
 * the model's evaluation date. The security baseline's controls are derived
 * from these outcomes.
 * @category Security baseline
 */
export function definitionRuleOutcomes(
  model: ManagedClusterModel,
  kubernetesObjects: readonly unknown[],
  /** The description of what the model deploys, when the caller reads it for its reports too. */
  described: ClusterDescription = describeDefinition(model.config, {}, kubernetesObjects),
): RuleOutcome[] {
  return evaluateClusterRules(described, CLUSTER_RULES, { evaluationDate: model.evaluationDate });
}
