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
export function definitionRuleOutcomes(model: ManagedClusterModel, kubernetesObjects: readonly unknown[]): RuleOutcome[] {
  return describedRuleOutcomes(model, describeDefinition(model.config, {}, kubernetesObjects));
}

/**
 * Every cluster rule's outcome on the description of what a model deploys,
 * for a caller that reads that description for its reports too.
 * @internal
 */
export function describedRuleOutcomes(model: ManagedClusterModel, described: ClusterDescription): RuleOutcome[] {
  return evaluateClusterRules(described, CLUSTER_RULES, { evaluationDate: model.evaluationDate });
}
