import { expect, test } from 'vitest';
import { jmesPath, recheckCommand } from '../../../lib/core/reports/recheck-command';
import { kubectlResource } from '../../../lib/core/kubernetes/kubectl-resource';

const CLUSTER = { kind: 'azure', type: 'Microsoft.ContainerService/managedClusters', name: 'payments', apiVersion: '2026-06-01' } as const;
const VNET = { kind: 'azure', type: 'Microsoft.Network/virtualNetworks', name: 'spoke', apiVersion: '2024-05-01' } as const;

test('a cluster is re-read with az resource show at the API version read: the query is its REST path as the REST API spells it', () => {
  expect(recheckCommand(CLUSTER, 'properties.apiServerAccessProfile.enablePrivateCluster')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name payments --resource-type Microsoft.ContainerService/managedClusters --api-version 2026-06-01 --query properties.apiServerAccessProfile.enablePrivateCluster',
  );
  // Whatever casing a template wrote, the query names the property as the REST API returns it.
  expect(recheckCommand(CLUSTER, 'properties.apiServerAccessProfile.authorizedIpRanges[0]')).toContain("--query 'properties.apiServerAccessProfile.authorizedIPRanges[0]'");
  expect(recheckCommand(CLUSTER, 'properties.agentPoolProfiles[].vnetSubnetID')).toContain("--query 'properties.agentPoolProfiles[].vnetSubnetID'");
  // A property no casing table knows is queried as read, never dropped.
  expect(recheckCommand(CLUSTER, 'properties.networkProfile.advancedNetworking.security.transitEncryption.type')).toContain(
    '--query properties.networkProfile.advancedNetworking.security.transitEncryption.type',
  );
  expect(recheckCommand(CLUSTER, 'sku.tier')).toContain('--query sku.tier');
});

test('the same paths re-read on clusters of other names and groups, or in another order, give each its own command', () => {
  const paths = ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.privateFQDN'];
  const onCluster = (group: string, name: string, list: readonly string[]) =>
    recheckCommand({ kind: 'azure', type: CLUSTER.type, id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}` }, list);
  const ids = (group: string, name: string) => `--ids /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}`;
  expect(onCluster('rg-a', 'a', paths)).toBe(`az resource show ${ids('rg-a', 'a')} --query '{enablePrivateCluster: properties.apiServerAccessProfile.enablePrivateCluster, privateFQDN: properties.privateFQDN}'`);
  expect(onCluster('rg-b', 'b', paths)).toBe(`az resource show ${ids('rg-b', 'b')} --query '{enablePrivateCluster: properties.apiServerAccessProfile.enablePrivateCluster, privateFQDN: properties.privateFQDN}'`);
  expect(onCluster('rg-b', 'b', [...paths].reverse())).toBe(`az resource show ${ids('rg-b', 'b')} --query '{privateFQDN: properties.privateFQDN, enablePrivateCluster: properties.apiServerAccessProfile.enablePrivateCluster}'`);
  expect(onCluster('rg-b', 'b', paths.slice(1))).toBe(`az resource show ${ids('rg-b', 'b')} --query properties.privateFQDN`);
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
  expect(recheckCommand({ kind: 'azure', type: CLUSTER.type }, 'sku.tier')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --resource-type Microsoft.ContainerService/managedClusters --query sku.tier',
  );
  expect(recheckCommand({ kind: 'azure', type: VNET.type }, 'properties.encryption')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --resource-type Microsoft.Network/virtualNetworks --query properties.encryption',
  );
  expect(recheckCommand({ kind: 'azure-children', children: 'private-dns-zone-links' })).toBe(
    'az network private-dns link vnet list --resource-group "$RESOURCE_GROUP" --zone-name "$ZONE_NAME" --output table',
  );
});

test('a resource id, where the input gives it, names the resource group and the name; a template\'s symbolic id does not', () => {
  const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ ...CLUSTER, id }, 'sku.tier')).toBe(`az resource show --ids ${id} --api-version 2026-06-01 --query sku.tier`);
  const vnetId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
  expect(recheckCommand({ ...VNET, id: vnetId }, 'properties.encryption')).toBe(`az resource show --ids ${vnetId} --api-version 2024-05-01 --query properties.encryption`);
  const templateId = '/subscriptions/(subscriptionId)/resourceGroups/(resourceGroup)/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ ...CLUSTER, id: templateId }, 'sku.tier')).toBe(
    'az resource show --resource-group "$RESOURCE_GROUP" --name payments --resource-type Microsoft.ContainerService/managedClusters --api-version 2026-06-01 --query sku.tier',
  );
  // Without a name, a template's id still gives the name it writes.
  expect(recheckCommand({ kind: 'azure', type: CLUSTER.type, id: templateId }, 'sku.tier')).toContain('--name payments --resource-type');
  expect(recheckCommand({ kind: 'azure-children', children: 'virtual-network-peerings', parentId: vnetId })).toBe('az network vnet peering list --resource-group rg --vnet-name spoke --output table');
});

test('an identity\'s federated credentials are listed; a cluster\'s extension is shown with its version', () => {
  const identity = '/subscriptions/0000/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux-pull';
  expect(recheckCommand({ kind: 'azure-children', children: 'federated-identity-credentials', parentId: identity })).toBe(
    'az identity federated-credential list --resource-group rg-identities --identity-name flux-pull --output table',
  );
  expect(recheckCommand({ kind: 'azure-children', children: 'federated-identity-credentials' })).toBe(
    'az identity federated-credential list --resource-group "$RESOURCE_GROUP" --identity-name "$IDENTITY_NAME" --output table',
  );
  const cluster = '/subscriptions/0000/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/payments';
  expect(recheckCommand({ kind: 'cluster-extension', name: 'flux', clusterId: cluster }, ['version', 'currentVersion'])).toBe(
    "az k8s-extension show --resource-group rg-payments --cluster-name payments --cluster-type managedClusters --name flux --query '{version: version, currentVersion: currentVersion}'",
  );
  expect(recheckCommand({ kind: 'cluster-extension', name: 'flux' }, 'version')).toBe(
    'az k8s-extension show --resource-group "$RESOURCE_GROUP" --cluster-name "$CLUSTER_NAME" --cluster-type managedClusters --name flux --query version',
  );
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
