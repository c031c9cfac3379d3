import { expect, test } from 'vitest';
import { EstateProps, OutboundType, Rules, validateEstate } from '../../../lib';
import { estateViolationRecheck } from '../../../lib/core/estate/estate-recheck';
import { checkFluxExtensionSupport } from '../../../lib/core/gitops/flux-extension-support';
import { Violation } from '../../../lib/core/validation/violation';
import { ViolationCollector } from '../../../lib/core/validation/violation-collector';
import { FLUX_EXTENSION_PIN } from '../../../lib/core/versions/pinned-support';
import { props as ESTATE } from '../../../examples/estate/definition';
import { CERT_MANAGER_IDENTITY } from '../../support/cluster-fixtures';

const SUB = ESTATE.subscriptionId;
const federation = (name: string) => ({ name, identityId: CERT_MANAGER_IDENTITY, clientId: '00000000-0000-0000-0000-0000000000c1', namespace: 'cert-manager', serviceAccountName: 'cert-manager' });
/** Every violation of a definition, errors and warnings, with its recheck. */
const rechecked = (props: EstateProps, rule: { readonly id: string }) => {
  const v = validateEstate(props, { evaluationDate: '2026-11-01' });
  return [...v.errors, ...v.warnings].filter((x) => x.rule.id === rule.id).map((x) => ({ property: x.property, recheck: estateViolationRecheck(props, x) }));
};

test('credentials written on one identity from two clusters\' templates: the identity\'s federated credentials are listed', () => {
  const shared = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i < 2 ? { ...c, federatedIdentities: [federation(`cert-manager-${c.name}`)] } : c)) };
  expect(rechecked(shared, Rules.estateFederatedCredentials)).toEqual([
    { property: 'clusters[1]', recheck: 'az identity federated-credential list --resource-group ids --identity-name cert-manager --output table' },
  ]);
});

test('one credential id written twice: the id names the colliding resource, and its identity\'s credentials are listed', () => {
  const twice = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i < 2 ? { ...c, federatedIdentities: [federation('cert-manager')] } : c)) };
  const v = validateEstate(twice, { evaluationDate: '2026-11-01' }).errors.find((x) => x.rule === Rules.estateAzureIds)!;
  expect(v.value).toBe(`${CERT_MANAGER_IDENTITY}/federatedIdentityCredentials/cert-manager`);
  expect(estateViolationRecheck(twice, v)).toBe('az identity federated-credential list --resource-group ids --identity-name cert-manager --output table');
});

test('an address overlap re-reads the address space of the network the property becomes: a spoke, the hub; a network outside Azure has none', () => {
  const overlapping = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 1 ? { ...c, addressSpace: '10.10.0.0/16', resourceGroupName: 'rg-ledger-prod' } : c)) };
  expect(rechecked(overlapping, Rules.estateAddressOverlap)).toEqual([
    {
      property: 'clusters[1].addressSpace',
      recheck: `az resource show --ids /subscriptions/${SUB}/resourceGroups/rg-ledger-prod/providers/Microsoft.Network/virtualNetworks/ledger-vnet --api-version 2024-05-01 --query properties.addressSpace.addressPrefixes`,
    },
  ]);
  const hub = { ...ESTATE, hub: { ...ESTATE.hub, addressSpace: ['10.0.0.0/22', '10.0.2.0/24'] } };
  expect(rechecked(hub, Rules.estateAddressOverlap)).toEqual([{ property: 'hub.addressSpace[1]', recheck: `az resource show --ids ${ESTATE.hub.virtualNetworkId} --query properties.addressSpace.addressPrefixes` }]);
  const connected = { ...ESTATE, connectedNetworks: ['10.0.0.0/8'] };
  // The first overlap is reported on the network listed later: the connected one over the hub, then each spoke over it.
  expect(rechecked(connected, Rules.estateAddressOverlap)[0]).toEqual({ property: 'connectedNetworks[0]', recheck: undefined });
});

test('a service CIDR over the hub re-reads the cluster\'s network profile at the API version the library writes', () => {
  const over = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' } : c)) };
  const cluster = `/subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/payments`;
  expect(rechecked(over, Rules.estateKubernetesRanges)).toEqual([
    { property: 'clusters[0].serviceCidr', recheck: `az resource show --ids ${cluster} --api-version 2026-06-01 --query properties.networkProfile.serviceCidr` },
    { property: 'clusters[0].dnsServiceIp', recheck: `az resource show --ids ${cluster} --api-version 2026-06-01 --query properties.networkProfile.dnsServiceIP` },
  ]);
});

test('a spoke brought by id: its peerings are listed', () => {
  const spokeId = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/reporting-spoke`;
  const brought = { ...ESTATE, clusters: ESTATE.clusters.map((c) => (c.name === 'reporting' ? { ...c, existingSpoke: { virtualNetworkId: spokeId, nodeSubnetName: 'aks-nodes', nodeSubnetPrefix: '10.40.4.0/22', apiServerSubnetName: 'aks-api' } } : c)) };
  expect(rechecked(brought, Rules.estateSpokePeeringNotVerified)).toEqual([
    { property: 'clusters[3].existingSpoke.virtualNetworkId', recheck: 'az network vnet peering list --resource-group rg-net --vnet-name reporting-spoke --output table' },
  ]);
});

test('the Flux extension\'s support window: the extension of every GitOps-delivered cluster shows the version it pins and runs', () => {
  const v = new ViolationCollector();
  // An older release than the library's, on a date its support is ending.
  checkFluxExtensionSupport(v, [ESTATE.delivery], { evaluationDate: '2026-06-01' }, { ...FLUX_EXTENSION_PIN, version: '1.23.1' });
  const [ending] = v.warnings;
  expect(ending.rule).toBe(Rules.supportEnding);
  const commands = estateViolationRecheck(ESTATE, ending)!.split('; ');
  expect(commands).toHaveLength(ESTATE.clusters.length);
  expect(commands[1]).toBe("az k8s-extension show --resource-group rg-ledger --cluster-name ledger --cluster-type managedClusters --name flux --query '{version: version, currentVersion: currentVersion}'");
  // A cluster delivered by Pulumi has no Flux extension: it is not named.
  const mixed = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, delivery: { kind: 'pulumiKubernetes' } as never } : c)) };
  expect(estateViolationRecheck(mixed, ending)!.split('; ').map((c) => /--cluster-name (\S+)/.exec(c)![1])).toEqual(['ledger', 'fx-rates', 'reporting']);
});

test('a pinned Helm release is read where it runs; a link\'s property by the objects the link becomes; a definition-only value names nothing', () => {
  const pin: Violation = { rule: Rules.supportEnding, property: 'versions.istio', value: '1.26.0', fix: 'f' };
  expect(estateViolationRecheck(ESTATE, pin)).toBe("kubectl get deployments.apps istiod --namespace istio-system -o 'jsonpath={.spec.template.spec.containers[0].image}'");
  const link: Violation = { rule: Rules.meshEgressLockdownOff, property: 'links[2].egressLockdown.enabled', value: false, fix: 'f' };
  expect(estateViolationRecheck(ESTATE, link, (name) => `kubectl get services --selector secure-aks.io/link=${name}`)).toBe('kubectl get services --selector secure-aks.io/link=ledger-notify');
  expect(estateViolationRecheck(ESTATE, { rule: Rules.resourceId, property: 'subscriptionId', value: 'x', fix: 'f' })).toBeUndefined();
  // Any other setting of a cluster: the cluster as the REST API returns it.
  expect(estateViolationRecheck(ESTATE, { rule: Rules.apiServerPublicEndpoint, property: 'clusters[2].apiServerAccess', value: 'public', fix: 'f' })).toBe(
    `az resource show --ids /subscriptions/${SUB}/resourceGroups/rg-fx-rates/providers/Microsoft.ContainerService/managedClusters/fx-rates --api-version 2026-06-01`,
  );
});

test('a link\'s cluster off the hub route re-reads its outbound type; a service host its record and its zone\'s links, in the hub\'s resource group', () => {
  const direct = { ...ESTATE, clusters: ESTATE.clusters.map((c) => (c.name === 'fx-rates' ? { ...c, outboundType: OutboundType.loadBalancer() } : c)) };
  expect(rechecked(direct, Rules.estateReachability)).toEqual([
    { property: 'links[1].server', recheck: `az resource show --ids /subscriptions/${SUB}/resourceGroups/rg-fx-rates/providers/Microsoft.ContainerService/managedClusters/fx-rates --api-version 2026-06-01 --query properties.networkProfile.outboundType` },
  ]);
  const record: Violation = { rule: Rules.estateServiceDns, property: 'links[0].services[0].host', value: 'mysql.ledger.internal.example', fix: 'f' };
  expect(estateViolationRecheck(ESTATE, record)).toBe(
    'az resource show --resource-group rg-hub --namespace Microsoft.Network --parent privateDnsZones/ledger.internal.example --resource-type A --name mysql --api-version 2024-06-01 --query properties.aRecords',
  );
  const zoneLink: Violation = { rule: Rules.estateServiceDns, property: 'links[0].client', value: 'payments', fix: 'f' };
  expect(estateViolationRecheck(ESTATE, zoneLink)).toBe('az network private-dns link vnet list --resource-group rg-hub --zone-name ledger.internal.example --output table');
});
