import { expect, test } from 'vitest';
import { cliPath, jmesPath, recheckCommand } from '../../../lib/core/reports/recheck-command';
import { kubectlResource } from '../../../lib/core/kubernetes/kubectl-resource';

const CLUSTER = { kind: 'azure', type: 'Microsoft.ContainerService/managedClusters', name: 'payments', apiVersion: '2026-06-01' } as const;
const VNET = { kind: 'azure', type: 'Microsoft.Network/virtualNetworks', name: 'spoke', apiVersion: '2024-05-01' } as const;

test('a cluster is re-read with az aks show, its REST path in the names az aks show prints', () => {
  expect(recheckCommand(CLUSTER, 'properties.apiServerAccessProfile.enablePrivateCluster')).toBe(
    'az aks show --resource-group "$RESOURCE_GROUP" --name payments --query apiServerAccessProfile.enablePrivateCluster',
  );
  // The properties sit beside the envelope; acronyms are camel-cased by the CLI, whatever casing a template wrote.
  expect(cliPath('properties.apiServerAccessProfile.authorizedIpRanges[0]')).toBe('apiServerAccessProfile.authorizedIpRanges[0]');
  expect(cliPath('properties.enableRBAC')).toBe('enableRbac');
  expect(cliPath('properties.networkProfile.loadBalancerProfile.managedOutboundIPs.count')).toBe('networkProfile.loadBalancerProfile.managedOutboundIPs.count');
  expect(cliPath('properties.agentPoolProfiles[].vnetSubnetID')).toBe('agentPoolProfiles[].vnetSubnetId');
  expect(cliPath('sku.tier')).toBe('sku.tier');
});

test('several paths are one query: a multiselect hash keyed by each last name', () => {
  expect(recheckCommand(CLUSTER, ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.privateFQDN'])).toBe(
    "az aks show --resource-group \"$RESOURCE_GROUP\" --name payments --query '{enablePrivateCluster: apiServerAccessProfile.enablePrivateCluster, privateFqdn: privateFqdn}'",
  );
});

test('the same paths re-read on clusters of other names and groups, or in another order, give each its own command', () => {
  const paths = ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.privateFQDN'];
  const onCluster = (group: string, name: string, list: readonly string[]) =>
    recheckCommand({ kind: 'azure', type: CLUSTER.type, id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}` }, list);
  expect(onCluster('rg-a', 'a', paths)).toBe("az aks show --resource-group rg-a --name a --query '{enablePrivateCluster: apiServerAccessProfile.enablePrivateCluster, privateFqdn: privateFqdn}'");
  expect(onCluster('rg-b', 'b', paths)).toBe("az aks show --resource-group rg-b --name b --query '{enablePrivateCluster: apiServerAccessProfile.enablePrivateCluster, privateFqdn: privateFqdn}'");
  expect(onCluster('rg-b', 'b', [...paths].reverse())).toBe("az aks show --resource-group rg-b --name b --query '{privateFqdn: privateFqdn, enablePrivateCluster: apiServerAccessProfile.enablePrivateCluster}'");
  expect(onCluster('rg-b', 'b', paths.slice(1))).toBe('az aks show --resource-group rg-b --name b --query privateFqdn');
});

test('another Azure resource is re-read with az resource show, the query its REST path as the REST API spells it', () => {
  expect(recheckCommand(VNET, 'properties.encryption')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name spoke --resource-type Microsoft.Network/virtualNetworks --api-version 2024-05-01 --query properties.encryption',
  );
  expect(jmesPath('properties.apiServerAccessProfile.authorizedIpRanges[0]')).toBe('properties.apiServerAccessProfile.authorizedIPRanges[0]');
  // A name that is not a JMESPath identifier is quoted.
  expect(jmesPath('tags.cost-centre')).toBe('tags."cost-centre"');
});

test('what the input does not name is a shell variable the auditor sets, never a placeholder a shell would read as a redirection', () => {
  expect(recheckCommand({ kind: 'azure', type: CLUSTER.type }, 'sku.tier')).toBe('az aks show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --query sku.tier');
  expect(recheckCommand({ kind: 'azure', type: VNET.type }, 'properties.encryption')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --resource-type Microsoft.Network/virtualNetworks --query properties.encryption',
  );
  expect(recheckCommand({ kind: 'azure-children', children: 'private-dns-zone-links' })).toBe(
    'az network private-dns link vnet list --resource-group "$RESOURCE_GROUP" --zone-name "$ZONE_NAME" --output table',
  );
});

test('a resource id, where the input gives it, names the resource group and the name; a template\'s symbolic id does not', () => {
  const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ ...CLUSTER, id }, 'sku.tier')).toBe('az aks show --resource-group rg --name payments --query sku.tier');
  const vnetId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
  expect(recheckCommand({ ...VNET, id: vnetId }, 'properties.encryption')).toBe(`az resource show --ids ${vnetId} --api-version 2024-05-01 --query properties.encryption`);
  const templateId = '/subscriptions/(subscriptionId)/resourceGroups/(resourceGroup)/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ ...CLUSTER, id: templateId }, 'sku.tier')).toBe('az aks show --resource-group "$RESOURCE_GROUP" --name payments --query sku.tier');
  expect(recheckCommand({ kind: 'azure-children', children: 'virtual-network-peerings', parentId: vnetId })).toBe('az network vnet peering list --resource-group rg --vnet-name spoke --output table');
});

test('a child resource is named by its parent', () => {
  expect(recheckCommand({ kind: 'azure', type: 'Microsoft.Network/virtualNetworks/subnets', name: 'spoke/nodes' }, 'properties.defaultOutboundAccess')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --namespace Microsoft.Network --parent virtualNetworks/spoke --resource-type subnets --name nodes --query properties.defaultOutboundAccess',
  );
});

test('a Kubernetes object is read with kubectl and a JSONPath of the field; a labelled set in every namespace', () => {
  expect(recheckCommand({ kind: 'kubernetes', resource: 'felixconfigurations.crd.projectcalico.org', name: 'default' }, 'spec.wireguardEnabled')).toBe(
    "kubectl get felixconfigurations.crd.projectcalico.org default -o 'jsonpath={.spec.wireguardEnabled}'",
  );
  expect(recheckCommand({ kind: 'kubernetes-selection', resources: ['destinationrules.networking.istio.io', 'services'], label: ['secure-aks.io/link', 'ledger'] })).toBe(
    'kubectl get destinationrules.networking.istio.io,services --all-namespaces --selector secure-aks.io/link=ledger -o yaml',
  );
  expect([kubectlResource('networking.istio.io/v1', 'ServiceEntry'), kubectlResource('apps/v1', 'Deployment'), kubectlResource('v1', 'Service'), kubectlResource('security.istio.io/v1', 'AuthorizationPolicy')]).toEqual([
    'serviceentries.networking.istio.io',
    'deployments.apps',
    'services',
    'authorizationpolicies.security.istio.io',
  ]);
});

test('a value from the input is one shell word: quoted so that nothing in it runs', () => {
  expect(recheckCommand({ ...CLUSTER, name: '$(touch x)' }, 'name')).toContain("--name '$(touch x)'");
  expect(recheckCommand({ ...VNET, name: '$(touch x)' }, 'name')).toContain("--name '$(touch x)'");
});
