import { expect, test } from 'vitest';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { GITOPS_SOURCE_RULES } from '../../../lib/core/gitops/gitops-source-cluster-rules';
import { readDocument } from '../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';

const CLUSTER_ID = "[resourceId('Microsoft.ContainerService/managedClusters', 'apps')]";

/**
 * A hand-written template: a cluster and a fluxConfiguration on it, shaped as
 * Microsoft's REST reference writes it.
 * @see https://learn.microsoft.com/rest/api/kubernetesconfiguration/flux-configurations/create-or-update
 */
function template(properties: Record<string, unknown>, extra: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters,
    resources: [
      { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-07-01', name: 'apps', location: 'westeurope', properties: { networkProfile: { outboundType: 'userDefinedRouting' } } },
      { type: 'Microsoft.KubernetesConfiguration/fluxConfigurations', apiVersion: '2025-04-01', name: 'platform', scope: CLUSTER_ID, dependsOn: [CLUSTER_ID], properties, ...extra },
    ],
  };
}
const git = (url: string, repositoryRef: Record<string, unknown> = { branch: 'main' }) => ({ sourceKind: 'GitRepository', gitRepository: { url, repositoryRef } });
const oci = (url: string, repositoryRef: Record<string, unknown> = { tag: 'production' }, useWorkloadIdentity = true) => ({ sourceKind: 'OCIRepository', ociRepository: { url, repositoryRef, useWorkloadIdentity } });

/** Each rule's verdict and findings (rule, property, value) on the document. */
function judged(document: unknown) {
  const [cluster] = describeDeployment([readDocument(document, 'main.json')]).clusters;
  const outcomes = evaluateClusterRules(cluster, GITOPS_SOURCE_RULES);
  return {
    verdicts: Object.fromEntries(outcomes.map((o) => [o.rule.id, o.verdict])),
    findings: outcomes.flatMap((o) => o.findings.map((f) => [o.rule.id, f.property, f.value])),
  };
}

test('a fluxConfiguration of a hand-written template is held to the rules an estate definition is', () => {
  // https://git-scm.com/docs/git-check-ref-format
  expect(judged(template(git('https://github.com/contoso/platform', { branch: 'main..x' }))).findings).toEqual([['SAKS-GIT-006', 'properties.gitRepository.repositoryRef.branch', 'main..x']]);
  // Credentials belong in a Secret or the protected settings, never in the URL; the token is not echoed.
  const token = judged(template(git('https://ci:ghp_0123@github.com/contoso/platform')));
  expect(token.findings).toEqual([['SAKS-GIT-005', 'properties.gitRepository.url', 'https://***@github.com/contoso/platform']]);
  // https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
  expect(judged(template(oci('oci://contoso1.azurecr.io/estate:production', {}))).findings).toEqual([['SAKS-GIT-007', 'properties.ociRepository.url', 'oci://contoso1.azurecr.io/estate:production']]);
  expect(judged(template(oci('oci://contoso1.azurecr.io/estate', { tag: '-x' }))).findings).toEqual([['SAKS-GIT-007', 'properties.ociRepository.repositoryRef.tag', '-x']]);
  // https://fluxcd.io/flux/components/source/ocirepositories/#azure
  expect(judged(template(oci('oci://ghcr.io/contoso/estate'))).findings).toEqual([['SAKS-GIT-008', 'properties.ociRepository.url', 'oci://ghcr.io/contoso/estate']]);
});

test('well-formed sources pass; a reference by semver or commit is Flux\'s to resolve; the Azure provider is judged only when asked for', () => {
  for (const ok of [
    template(git('https://github.com/contoso/platform')),
    template(git('ssh://git@github.com/contoso/platform', { commit: 'a'.repeat(40) })),
    template(oci('oci://contoso1.azurecr.io/estate', { semver: '>=1.0.0' })),
    template(oci('oci://ghcr.io/contoso/estate', { tag: 'v1' }, false)),
  ]) {
    expect(Object.values(judged(ok).verdicts)).toEqual(['pass', 'pass', 'pass', 'pass']);
  }
});

test('a URL given by a parameter without default, or a configuration under an unknown condition, is undecided; a cluster read alone too', () => {
  const byParameter = judged(template(git("[parameters('url')]"), {}, { url: { type: 'string' } }));
  expect(byParameter.verdicts['SAKS-GIT-005']).toBe('undecided');
  const conditional = judged(template(git('https://ci:x@github.com/contoso/platform'), { condition: "[parameters('gitOps')]" }, { gitOps: { type: 'bool' } }));
  expect(conditional.verdicts['SAKS-GIT-005']).toBe('undecided');
  const shown = { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/apps', name: 'apps', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', properties: {} };
  expect(Object.values(judged(shown).verdicts)).toEqual(['undecided', 'undecided', 'undecided', 'undecided']);
});
