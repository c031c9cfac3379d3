import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import * as analyzerProxy from '@pulumi/policy/proxy';
import { expect, test } from 'vitest';
import { secureAksPolicies } from '../../lib/policy';
import { describeAsAzure, unreadableGeneric, UNKNOWN_VALUE } from '../../lib/policy/pulumi-resource-description';
import { describePulumiStack } from '../../lib/policy/pulumi-stack-description';
import { asOutputs, inAnalyzerOrder } from '../support/pulumi-analyzer';

// Its declarations leave these out; the analyzer's own proxy and unknown marker (proxy.js).
const { unknownCheckingProxy, unknownStringValue } = analyzerProxy as unknown as { unknownCheckingProxy: <T>(inputs: T) => T; unknownStringValue: string };

// How azure-native's generic resource names an extension resource: the resource it is on, then
// `providers/<namespace>` (https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources).
const fluxConfiguration = (url: string, parentResourcePath: string = 'managedClusters/aks/providers/Microsoft.KubernetesConfiguration') => ({
  resourceGroupName: 'rg',
  resourceProviderNamespace: 'Microsoft.ContainerService',
  parentResourcePath,
  resourceType: 'fluxConfigurations',
  resourceName: 'platform',
  apiVersion: '2025-04-01',
  properties: { scope: 'cluster', namespace: 'flux-system', sourceKind: 'GitRepository', gitRepository: { url, repositoryRef: { branch: 'main' } } },
});

test('a generic resource is read as the type its namespace, parent path and type give, an extension resource on the resource it names', () => {
  expect(describeAsAzure('azure-native:resources:Resource', 'gitops', fluxConfiguration('https://github.com/contoso/platform'))).toMatchObject({
    type: 'Microsoft.KubernetesConfiguration/fluxConfigurations',
    name: 'platform',
    scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'aks')]",
    properties: { sourceKind: 'GitRepository' },
  });
  const subnet = describeAsAzure('azure-native:resources:Resource', 'snet', { resourceGroupName: 'rg', resourceProviderNamespace: 'Microsoft.Network', parentResourcePath: 'virtualNetworks/vnet', resourceType: 'subnets', resourceName: 'aks', properties: { addressPrefix: '10.0.0.0/24' } });
  expect(subnet).toMatchObject({ type: 'Microsoft.Network/virtualNetworks/subnets', name: 'vnet/aks' });
  expect(subnet).not.toHaveProperty('scope');
  expect(describeAsAzure('azure-native:resources:Resource', 'c', { resourceGroupName: 'rg', resourceProviderNamespace: 'Microsoft.ContainerService', resourceType: 'managedClusters', resourceName: 'aks' })).toMatchObject({ type: 'Microsoft.ContainerService/managedClusters', name: 'aks' });
});

test('a generic resource whose parent path is known only after another resource is created is not read, and says so', () => {
  const props = fluxConfiguration('https://github.com/contoso/platform', UNKNOWN_VALUE);
  expect(describeAsAzure('azure-native:resources:Resource', 'gitops', props)).toBeUndefined();
  expect(unreadableGeneric('azure-native:resources:Resource', props)).toBe('its parentResourcePath is not known until another resource is created, so its type is not known');
  // As CrossGuard hands it at preview: behind its proxy, which throws where a value is not known.
  const previewed = unknownCheckingProxy({ ...fluxConfiguration('https://github.com/contoso/platform'), parentResourcePath: unknownStringValue });
  expect(unreadableGeneric('azure-native:resources:Resource', previewed)).toBe('its parentResourcePath is not known until another resource is created, so its type is not known');
  expect(unreadableGeneric('azure-native:resources:Resource', fluxConfiguration('https://github.com/contoso/platform'))).toBeUndefined();
  expect(unreadableGeneric('azure-native:containerservice:ManagedCluster', { resourceName: UNKNOWN_VALUE })).toBeUndefined();
});

const cluster = {
  resourceGroupName: 'rg',
  resourceName: 'aks',
  location: 'westeurope',
  identity: { type: 'SystemAssigned' },
  agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', osType: 'Linux' }],
};

const resource = (type: string, name: string, props: Record<string, unknown>): PolicyResource => ({
  type, name, props, urn: `urn:pulumi:stack::project::${type}::${name}`, opts: {} as never, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
} as unknown as PolicyResource);

/**
 * What the pack's GitOps source policies report on a stack, as the analyzer runs them: every
 * resource policy on each resource's inputs, then the stack policies on the resources' outputs.
 */
function gitOpsReports(stack: readonly PolicyResource[]): string[] {
  const out: string[] = [];
  const args = { stackTags: new Map(), getConfig: () => ({ evaluationDate: '2026-12-07' }), notApplicable: (): never => { throw new Error('not applicable'); } };
  for (const p of inAnalyzerOrder(secureAksPolicies())) {
    if ('validateStack' in p) {
      if (!/^saks-git-00[5-8]$/.test(p.name)) continue;
      (p as StackValidationPolicy).validateStack({ resources: stack.map(asOutputs), ...args } as never, (message: string, urn?: string) => out.push(`${p.name} ${urn ?? ''}: ${message}`));
    } else {
      const validate = (p as ResourceValidationPolicy).validateResource as (args: object, report: (message: string) => void) => void;
      for (const r of stack) validate({ ...r, ...args }, () => undefined);
    }
  }
  return out;
}

test('the policy pack judges a Flux configuration written as a generic resource, as it judges the typed one', () => {
  const aks = resource('azure-native:containerservice:ManagedCluster', 'aks', cluster);
  const bad = resource('azure-native:resources:Resource', 'gitops', fluxConfiguration('https://ci:ghp_0123@github.com/contoso/platform'));
  const reports = gitOpsReports([aks, bad]);
  expect(reports).toEqual([expect.stringMatching(/^saks-git-005 urn:pulumi:stack::project::azure-native:containerservice:ManagedCluster::aks: /)]);
  expect(reports.join('\n')).not.toContain('ghp_0123');
  expect(gitOpsReports([aks, resource('azure-native:resources:Resource', 'gitops', fluxConfiguration('https://github.com/contoso/platform'))])).toEqual([]);
});

test('at preview, a generic resource whose type is not known yet leaves the stack not read whole: nothing is passed on its absence', () => {
  const aks = resource('azure-native:containerservice:ManagedCluster', 'aks', cluster);
  const pending = resource('azure-native:resources:Resource', 'gitops', fluxConfiguration('https://ci:ghp_0123@github.com/contoso/platform', UNKNOWN_VALUE));
  const { deployment } = describePulumiStack([aks, pending]);
  expect(deployment.notExamined).toEqual([{ at: { document: pending.urn, pointer: '' }, what: 'the generic resource "gitops"', reason: expect.stringContaining('parentResourcePath is not known') }]);
  expect(deployment.clusters[0].wholeDeployment).toBe(false);
  expect(describePulumiStack([aks]).deployment.clusters[0].wholeDeployment).toBe(true);
  // Undecided, so not reported: once the path is known (at update), the same configuration is judged.
  expect(gitOpsReports([aks, pending])).toEqual([]);
});
