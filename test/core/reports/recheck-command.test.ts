import { expect, test } from 'vitest';
import { jmesPath, recheckCommand } from '../../../lib/core/reports/recheck-command';

const CLUSTER = { kind: 'azure', type: 'Microsoft.ContainerService/managedClusters', name: 'payments', apiVersion: '2026-06-01' } as const;

test('a REST path is the query of az resource show, each name spelled as the REST API returns it', () => {
  expect(recheckCommand(CLUSTER, 'properties.apiServerAccessProfile.enablePrivateCluster')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name payments --resource-type Microsoft.ContainerService/managedClusters --api-version 2026-06-01 --query properties.apiServerAccessProfile.enablePrivateCluster',
  );
  // A template may write a property in any casing; Azure returns (and JMESPath matches) the REST spelling.
  expect(jmesPath('properties.apiServerAccessProfile.authorizedIpRanges[0]')).toBe('properties.apiServerAccessProfile.authorizedIPRanges[0]');
  // A name that is not a JMESPath identifier is quoted.
  expect(jmesPath('tags.cost-centre')).toBe('tags."cost-centre"');
});

test('what the input does not name is a shell variable the auditor sets, never a placeholder a shell would read as a redirection', () => {
  expect(recheckCommand({ kind: 'azure', type: CLUSTER.type }, 'sku.tier')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --resource-type Microsoft.ContainerService/managedClusters --query sku.tier',
  );
});

test('a resource id, where the input gives it, replaces the resource group and the name', () => {
  const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ ...CLUSTER, id }, 'sku.tier')).toBe(`az resource show --ids ${id} --api-version 2026-06-01 --query sku.tier`);
});

test('a child resource is named by its parent', () => {
  expect(recheckCommand({ kind: 'azure', type: 'Microsoft.Network/virtualNetworks/subnets', name: 'spoke/nodes' }, 'properties.defaultOutboundAccess')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --namespace Microsoft.Network --parent virtualNetworks/spoke --resource-type subnets --name nodes --query properties.defaultOutboundAccess',
  );
});

test('a Kubernetes object is read with kubectl and a JSONPath of the field', () => {
  expect(recheckCommand({ kind: 'kubernetes', resource: 'felixconfigurations.crd.projectcalico.org', name: 'default' }, 'spec.wireguardEnabled')).toBe(
    "kubectl get felixconfigurations.crd.projectcalico.org default -o 'jsonpath={.spec.wireguardEnabled}'",
  );
});

test('a value from the input is one shell word: quoted so that nothing in it runs', () => {
  expect(recheckCommand({ ...CLUSTER, name: '$(touch x)' }, 'name')).toContain("--name '$(touch x)'");
});
