import { ArmTemplate } from '../arm/arm-template';
import { markdownTable } from '../reports/markdown';
import { AZURE_POLICY_AKS_DEFINITIONS } from './azure-policy-definitions.generated';
import { evaluateAzurePolicy, PolicyEvaluationOptions, PolicyResult } from './evaluate-azure-policy';

const CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';

/**
 * Azure Policy's built-in definitions for managed clusters, evaluated on the
 * cluster of `template` as Azure Policy would on its deployment, with the
 * template's other resources as the related resources of `AuditIfNotExists`.
 */
export function evaluateAksBuiltInPolicies(template: ArmTemplate, options: PolicyEvaluationOptions = {}): PolicyResult[] {
  const resources = template.resources as Record<string, unknown>[];
  const cluster = resources.find((r) => r.type === CLUSTER_TYPE);
  if (!cluster) return [];
  return AZURE_POLICY_AKS_DEFINITIONS.map((d) => evaluateAzurePolicy(d, cluster, resources, options));
}

/** The results as a report section: each definition by name and id. */
export function renderAksBuiltInPolicies(results: readonly PolicyResult[]): string[] {
  return [
    '',
    '## Azure Policy built-in definitions',
    '',
    'Each built-in definition for managed clusters, evaluated on this cluster\'s payload with its own `if` condition and default parameters (<https://learn.microsoft.com/azure/aks/policy-reference>).',
    '',
    markdownTable(
      ['Definition', 'Id', 'Effect', 'Result'],
      results.map((r) => [r.definition.displayName, r.definition.name, r.effect, r.state]),
    ),
  ];
}
