import fc from 'fast-check';
import { expect, test } from 'vitest';
import { describedFromAudited } from '../../lib/core/audit/described-from-audited';
import { describeDeployment } from '../../lib/core/description/cluster-description';
import { UnknownValue } from '../../lib/core/description/unknown-value';
import { apiServerReachability, ReachabilityVerdict } from '../../lib/core/reachability/api-server-reachability';

/**
 * Soundness of the reachability verdict: where one setting of the API server
 * is unknown, a verdict that is still given ("reachable" or "no path") holds
 * whatever the setting turns out to be; nothing throws, `null` included.
 */
type Json = Record<string, unknown>;

const ZONE = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io';
/** The settings that decide the paths, each with values that pull the verdict both ways. */
const SETTINGS: Readonly<Record<string, readonly unknown[]>> = {
  'apiServerAccessProfile.enablePrivateCluster': [true, false, 'true', 'false', null],
  'apiServerAccessProfile.disableRunCommand': [true, false, 'true', null],
  'apiServerAccessProfile.enablePrivateClusterPublicFQDN': [true, false, null],
  'apiServerAccessProfile.enableVnetIntegration': [true, false, null],
  'apiServerAccessProfile.authorizedIPRanges': [null, [], ['0.0.0.0/0'], ['203.0.113.0/24'], ['0.0.0.0/1', '128.0.0.0/1']],
  'apiServerAccessProfile.privateDNSZone': [null, 'system', 'none', ZONE],
  publicNetworkAccess: [null, 'Enabled', 'Disabled'],
};
const NAMES = Object.keys(SETTINGS);

function verdictOf(settings: Readonly<Record<string, unknown>>): ReachabilityVerdict {
  const properties: Json = { dnsPrefix: 'aks', apiServerAccessProfile: {} };
  for (const [name, value] of Object.entries(settings)) {
    const [head, leaf] = name.split('.');
    if (leaf === undefined) properties[head] = value;
    else (properties[head] as Json)[leaf] = value;
  }
  const resource = describedFromAudited({ type: 'Microsoft.ContainerService/managedClusters', name: 'aks', location: 'westeurope', properties }, { document: 'fuzz.json', pointer: '' });
  // A whole deployment without a node subnet: AKS creates the network, so "no path" can be said.
  const [cluster] = describeDeployment([{ resources: [resource], notExamined: [], problems: [], wholeDeployment: true }]).clusters;
  return apiServerReachability(cluster).verdict;
}

const settings = fc.record(Object.fromEntries(NAMES.map((n) => [n, fc.constantFrom(...SETTINGS[n])])) as Record<string, fc.Arbitrary<unknown>>);

test('a verdict given beside an unknown setting holds whatever that setting is', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(settings, fc.constantFrom(...NAMES), (base, unknown) => {
      const verdict = verdictOf({ ...base, [unknown]: new UnknownValue('fuzzed') });
      seen.add(verdict);
      if (verdict === 'undecided') return;
      for (const value of SETTINGS[unknown]) {
        const concrete = verdictOf({ ...base, [unknown]: value });
        // A value Azure would refuse can leave the concrete statement undecided; a decided one never contradicts.
        if (concrete !== 'undecided') expect(concrete, `${unknown} unknown gave ${verdict}; ${JSON.stringify(value)} gives ${concrete}`).toBe(verdict);
      }
    }),
    { numRuns: 400, seed: 20261207 },
  );
  // The property is not met by deciding nothing: each verdict occurs.
  expect([...seen].sort()).toEqual(['no-path-from-internet', 'reachable-from-internet', 'undecided']);
});
