import { expect, test } from 'vitest';
import { ApiServerAccess, apiServerDnsBehaviour, PrivateDnsZone, Rules, validateHardenedCluster } from '../../../lib';
import { HUB_ZONE_VNI } from '../../support/cluster-fixtures';

// Every combination of private DNS zone option and enablePrivateClusterPublicFQDN, cell by cell
// (https://learn.microsoft.com/azure/aks/private-clusters).
const zones = {
  system: () => PrivateDnsZone.system(),
  none: () => PrivateDnsZone.none(),
  own: () => PrivateDnsZone.fromZoneId(HUB_ZONE_VNI),
};

test.each([
  ['system', true, 'private-dns-zone', 'public-fqdn', true],
  ['system', false, 'private-dns-zone', 'unresolvable', true],
  ['none', true, 'public-fqdn', 'public-fqdn', true],
  ['none', false, 'unresolvable', 'unresolvable', false],
  ['own', true, 'private-dns-zone', 'public-fqdn', true],
  ['own', false, 'private-dns-zone', 'unresolvable', true],
] as const)('DNS matrix: zone %s, public FQDN %s', (zone, publicFqdn, clusterAndLinked, others, valid) => {
  const access = ApiServerAccess.private({ dnsZone: zones[zone](), publicFqdn });
  expect(apiServerDnsBehaviour(access)).toEqual({ clusterAndLinkedNetworks: clusterAndLinked, otherClients: others, valid });
  // Validation agrees with the table: only the misconfigured cell is rejected, by SAKS-DNS-001.
  const errors = validateHardenedCluster({ name: 'c', location: 'westeurope', apiServerAccess: access }).errors.map((e) => e.rule.id);
  expect(errors).toEqual(valid ? [] : [Rules.privateDnsNoneNeedsPublicFqdn.id]);
});

test('a public API server resolves to its public IP for everyone', () => {
  expect(apiServerDnsBehaviour(ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }))).toEqual({
    clusterAndLinkedNetworks: 'public-ip',
    otherClients: 'public-ip',
    valid: true,
  });
});
