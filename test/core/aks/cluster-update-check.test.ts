import { expect, test } from 'vitest';
import {
  ApiServerAccess,
  checkClusterUpdate,
  HardenedClusterProps,
  ManagedClusterModel,
  PodNetworking,
  PrivateDnsZone,
  Rules,
} from '../../../lib';
import { HUB_ZONE_PL, HUB_ZONE_VNI } from '../../support/cluster-fixtures';

const base = { name: 'c1', location: 'westeurope' } as const;
const template = (p: HardenedClusterProps) => ManagedClusterModel.build(p).toArmTemplate();
const ids = (prev: HardenedClusterProps, next: HardenedClusterProps) =>
  checkClusterUpdate(template(prev), template(next)).map((v) => `${v.rule.id} ${v.property}`);

test('an unchanged cluster is a clean update', () => {
  expect(ids(base, base)).toEqual([]);
});

test('fails when a create-only property changes', () => {
  expect(ids({ ...base, dnsPrefix: 'a' }, { ...base, dnsPrefix: 'b' })).toEqual([
    `${Rules.createOnlyChanged.id} cluster "c1" properties.dnsPrefix`,
  ]);
  expect(ids(base, { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.245.0.0/16' }) })).toEqual([
    `${Rules.createOnlyChanged.id} cluster "c1" properties.networkProfile.podCidr`,
  ]);
});

test('privateDNSZone may change from system or an own zone to none, and nowhere else', () => {
  const system = { ...base, apiServerAccess: ApiServerAccess.private({ publicFqdn: true }) };
  const none = { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.none(), publicFqdn: true }) };
  const own = { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_VNI), publicFqdn: true }) };
  expect(ids(system, none)).toEqual([]);
  expect(ids(own, none)).toEqual([]);
  expect(ids(none, system)).toEqual([`${Rules.privateDnsZoneChange.id} cluster "c1" properties.apiServerAccessProfile.privateDNSZone`]);
  expect(ids(system, own)).toEqual([`${Rules.privateDnsZoneChange.id} cluster "c1" properties.apiServerAccessProfile.privateDNSZone`]);
});

test('fails when VNet Integration is turned off', () => {
  const on = { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) };
  const off = { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }) };
  expect(ids(on, off)).toEqual([`${Rules.vnetIntegrationOneWay.id} cluster "c1" properties.apiServerAccessProfile.enableVnetIntegration`]);
  expect(ids(off, on)).toEqual([]);
});

test('a public cluster becomes private only with VNet Integration', () => {
  const publicNoVni = { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }) };
  const privateNoVni = { ...base, apiServerAccess: ApiServerAccess.private({ vnetIntegration: false, dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }) };
  const publicVni = { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) };
  expect(ids(publicNoVni, privateNoVni)).toEqual([`${Rules.publicToPrivate.id} cluster "c1" properties.apiServerAccessProfile.enablePrivateCluster`]);
  expect(ids(publicVni, base)).toEqual([]);
  expect(ids(privateNoVni, publicNoVni)).toEqual([`${Rules.createOnlyChanged.id} cluster "c1" properties.apiServerAccessProfile.enablePrivateCluster`]);
});

test('fails when the Cilium dataplane is left, but allows moving onto it', async () => {
  const { TransitEncryption } = await import('../../../lib');
  const cilium = { ...base, transitEncryption: TransitEncryption.none() };
  const azure = { ...base, transitEncryption: TransitEncryption.none(), networkDataplane: 'azure' as const, networkPolicy: 'azure' as const };
  expect(ids(cilium, azure)).toEqual([`${Rules.dataplaneOneWay.id} cluster "c1" properties.networkProfile.networkDataplane`]);
  expect(ids(azure, cilium)).toEqual([]);
  // Changing the encryption mechanism itself is an in-place update.
  expect(ids(base, cilium)).toEqual([]);
});
