import * as azure from '@pulumi/azure-native/provider';
import { beforeAll, expect, test } from 'vitest';
import { ClusterDelivery, EstateModel, EstateProps, SecureAksValidationError } from '../../lib';
import { HardenedCluster, RegulatedEstate } from '../../lib/pulumi';
import { props as ESTATE } from '../../examples/estate/definition';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

const SPOKE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/reporting-spoke';
/** The ledger delivered by Pulumi, the others by GitOps; reporting in a spoke brought by id. */
const MIXED: EstateProps = {
  ...ESTATE,
  helmChartMirror: 'oci://contosoplatform.azurecr.io/helm',
  clusters: ESTATE.clusters.map((c) =>
    c.name === 'ledger'
      ? { ...c, delivery: ClusterDelivery.pulumiKubernetes() }
      : c.name === 'reporting'
        ? { ...c, existingSpoke: { virtualNetworkId: SPOKE, nodeSubnetName: 'aks-nodes', nodeSubnetPrefix: '10.40.4.0/22', apiServerSubnetName: 'apiserver' } }
        : c,
  ),
};

let resources: RecordedResource[];
let stack: RegulatedEstate;
let hubProvider: azure.Provider;
beforeAll(async () => {
  ({ resources } = await installMocks());
  hubProvider = new azure.Provider('hub-subscription', { subscriptionId: '11111111-1111-1111-1111-111111111111' });
  stack = new RegulatedEstate('estate', { estate: EstateModel.build(MIXED), hubProvider });
  await settle(...[...stack.clusters.values()].map((c) => c.cluster.clusterId));
  await new Promise((r) => setTimeout(r, 300));
});

test('only the Pulumi-delivered cluster gets a Kubernetes provider, and only its objects are applied by Pulumi', () => {
  expect(resources.filter((r) => r.type === 'pulumi:providers:kubernetes').map((r) => r.name)).toEqual(['estate-ledger']);
  expect([...stack.clusters].filter(([, c]) => c.provider).map(([name]) => name)).toEqual(['ledger']);
  const k8s = resources.filter((r) => r.type.startsWith('kubernetes:') || r.type.startsWith('secure-aks:kubernetes'));
  expect(k8s.length).toBeGreaterThan(0);
  expect(k8s.every((r) => r.name.startsWith('estate-ledger-') || /^estate-link-(payments-ledger|reporting-ledger)-server|^estate-link-ledger-notify-client/.test(r.name))).toBe(true);
  // Its side of each of its three links, and nothing of the GitOps clusters' sides.
  const sides = resources.filter((r) => r.type === 'secure-aks:kubernetes:ChartDeployment' && r.name.startsWith('estate-link-')).map((r) => r.name).sort();
  expect(sides).toEqual(['estate-link-ledger-notify-client', 'estate-link-payments-ledger-server', 'estate-link-reporting-ledger-server']);
  // Only GitOps-delivered clusters get the Flux extension.
  expect(resources.filter((r) => r.type === 'azure-native:kubernetesconfiguration:Extension').map((r) => r.inputs.clusterName).sort()).toEqual(['fx-rates', 'payments', 'reporting']);
});

test('a brought spoke is neither created nor peered here; the hub\'s DNS links it by its id', () => {
  expect(resources.some((r) => r.type === 'azure-native:network:VirtualNetwork' && r.name.startsWith('estate-reporting-'))).toBe(false);
  const peerings = resources.filter((r) => r.type === 'azure-native:network:VirtualNetworkPeering');
  expect(peerings.map((r) => r.name).sort()).toEqual([
    'estate-fx-rates-peering-to-hub',
    'estate-hub-hub-peering-to-fx-rates',
    'estate-hub-hub-peering-to-ledger',
    'estate-hub-hub-peering-to-payments',
    'estate-ledger-peering-to-hub',
    'estate-payments-peering-to-hub',
  ]);
  const link = resources.find((r) => r.type === 'azure-native:privatedns:VirtualNetworkLink' && r.inputs.virtualNetworkLinkName === 'reporting-vnet')!;
  expect(link.inputs.virtualNetwork.id).toBe(SPOKE);
  expect(link.inputs.resourceGroupName).toBe('rg-hub');
});

test('the Pulumi-delivered cluster installs the pinned charts from the OCI mirror by their full reference', () => {
  const releases = resources.filter((r) => r.type === 'kubernetes:helm.sh/v3:Release');
  expect(releases.map((r) => [r.name, r.inputs.chart, r.inputs.repositoryOpts]).sort()).toEqual([
    ['estate-ledger-cert-manager', 'oci://contosoplatform.azurecr.io/helm/cert-manager', undefined],
    ['estate-ledger-istio-base', 'oci://contosoplatform.azurecr.io/helm/base', undefined],
    ['estate-ledger-istiod', 'oci://contosoplatform.azurecr.io/helm/istiod', undefined],
  ]);
});

test('the hub\'s resources go through the hub\'s provider; the clusters\' through the default', () => {
  const hub = resources.filter((r) => r.name.startsWith('estate-hub-'));
  expect(hub.map((r) => r.name).sort()).toEqual(EstateModel.build(MIXED).hubResources().map((r) => `estate-hub-${r.logicalId}`).sort());
  expect(hub.every((r) => r.provider?.includes('hub-subscription'))).toBe(true);
  expect(resources.filter((r) => r.name.startsWith('estate-payments-')).some((r) => r.provider?.includes('hub-subscription'))).toBe(false);
});

test('each cluster\'s Flux credential is its own, registered one after another on the shared identity', async () => {
  ({ resources } = await installMocks());
  const opts = new Map<string, any>();
  const chain = new RegulatedEstate('chain', { estate: EstateModel.build(ESTATE) }, { transformations: [(a) => { opts.set(a.name, a.opts); return undefined; }] });
  await settle(...[...chain.fluxCredentials.values()].map((c) => c.id));
  const credentials = resources.filter((r) => r.type === 'azure-native:managedidentity:FederatedIdentityCredential' && r.name.startsWith('chain-flux-credential-'));
  expect(credentials.map((r) => [r.inputs.resourceName, r.inputs.federatedIdentityCredentialResourceName])).toEqual(
    ['payments', 'ledger', 'fx-rates', 'reporting'].map((c) => ['flux-pull', `${c}-flux-source-controller`]),
  );
  // Each cluster's own issuer.
  expect(credentials.map((r) => r.inputs.issuer)).toEqual(['payments', 'ledger', 'fx-rates', 'reporting'].map((c) => `https://westeurope.oic.prod-aks.azure.com/tenant/${c}/`));
  const order = ['payments', 'ledger', 'fx-rates', 'reporting'];
  order.slice(1).forEach((c, i) => {
    const before = chain.fluxCredentials.get(`flux-credential-${order[i]}`)!.resource;
    expect(opts.get(`chain-flux-credential-${c}`).dependsOn).toEqual([before]);
  });
  expect(opts.get('chain-flux-credential-payments').dependsOn).toEqual([]);
});

test('a second component writing the same Azure ids is refused before it registers anything, however composed', async () => {
  ({ resources } = await installMocks());
  const estate = EstateModel.build(ESTATE);
  new RegulatedEstate('first', { estate });
  let error: unknown;
  try {
    new RegulatedEstate('second', { estate });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SecureAksValidationError);
  const violations = (error as SecureAksValidationError).violations;
  expect(violations.every((v) => v.rule.id === 'SAKS-EST-008')).toBe(true);
  expect(violations.map((v) => v.value)).toContain('/subscriptions/{default provider}/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/payments');
  expect(violations.map((v) => v.value)).toContain(
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux-pull/federatedIdentityCredentials/payments-flux-source-controller',
  );
  // A cluster of its own beside the estate, with the name and resource group of one of its clusters.
  expect(() => new HardenedCluster('solo', { name: 'ledger', location: 'westeurope', resourceGroupName: 'rg-ledger' })).toThrow(/SAKS-EST-008[\s\S]*managedClusters\/ledger/);
  // Elsewhere, the same cluster is fine.
  new HardenedCluster('elsewhere', { name: 'ledger', location: 'westeurope', resourceGroupName: 'rg-other' });
  await new Promise((r) => setTimeout(r, 300));
  expect(resources.filter((r) => r.name.startsWith('second') || r.name.startsWith('solo'))).toEqual([]);
  expect(resources.some((r) => r.name.startsWith('elsewhere-'))).toBe(true);
});
