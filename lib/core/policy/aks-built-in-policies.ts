import { ArmTemplate } from '../arm/arm-template';
import { markdownTable } from '../reports/markdown';
import { AZURE_POLICY_AKS_DEFINITIONS } from './azure-policy-definitions.generated';
import { evaluateAzurePolicy, PolicyEvaluationOptions, PolicyResult } from './evaluate-azure-policy';

const CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';

/**
 * Azure Policy's built-in definitions for managed clusters, evaluated on the
 * cluster of `template` as Azure Policy would on its deployment, with the
 * template's other resources as the related resources of `AuditIfNotExists`.
 * @category Azure Policy
 */
export function evaluateAksBuiltInPolicies(template: ArmTemplate, options: PolicyEvaluationOptions = {}): PolicyResult[] {
  const resources = template.resources as Record<string, unknown>[];
  const cluster = resources.find((r) => r.type === CLUSTER_TYPE);
  if (!cluster) return [];
  return AZURE_POLICY_AKS_DEFINITIONS.map((d) => evaluateAzurePolicy(d, cluster, resources, options));
}

/**
 * Why a built-in can be non-compliant on a cluster the library builds: each
 * needs something only the customer can provide, by definition name.
 * @category Azure Policy
 */
export const BUILT_IN_POLICY_JUSTIFICATIONS: Readonly<Record<string, string>> = {
  // Both operating systems and data disks ... encrypted by customer-managed keys
  '7d7be79c-23ba-4033-84dd-45e2a5ccdd67':
    'needs a disk encryption set with a key you own; pass diskEncryptionSetId (the library creates no key material)',
  // Azure Kubernetes Clusters should enable Key Management Service (KMS)
  'dbbdc317-9734-4dd8-9074-993b29c69008':
    'needs a Key Vault key you bring for etcd encryption; pass kms: { keyId, keyVaultNetworkAccess, keyVaultResourceId } (the library creates no key material)',
  // Azure Kubernetes Service clusters should be a member of an Azure Kubernetes Fleet Manager
  'c7f49635-e3f0-4986-b072-90d0c7c3d4cd':
    'Fleet Manager membership joins a fleet your organisation runs; the library creates none',
};

/**
 * The results as a report section: each definition by name and id.
 * @category Azure Policy
 */
export function renderAksBuiltInPolicies(results: readonly PolicyResult[]): string[] {
  return [
    '',
    '## Azure Policy built-in definitions',
    '',
    'Each built-in definition for managed clusters, evaluated on this cluster\'s payload with its own `if` condition and default parameters (<https://learn.microsoft.com/azure/aks/policy-reference>).',
    '',
    markdownTable(
      ['Definition', 'Id', 'Effect', 'Result', 'Why not'],
      results.map((r) => [
        r.definition.displayName,
        r.definition.name,
        r.effect,
        r.state,
        r.state === 'non-compliant' ? (BUILT_IN_POLICY_JUSTIFICATIONS[r.definition.name] ?? 'a setting of this definition is weaker than the built-in asks: see the rules it names') : '',
      ]),
    ),
  ];
}
