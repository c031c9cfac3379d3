import { expect, test } from 'vitest';
import {
  ApiServerAccess,
  ClusterNetwork,
  definitionRuleOutcomes,
  HardenedClusterProps,
  ManagedClusterModel,
  renderSecurityBaseline,
  TransitEncryption,
  PrivateDnsZone,
  Rules,
  SecureAksValidationError,
  validateHardenedCluster,
} from '../../../lib';
import { HUB_VNET, HUB_ZONE_PL, HUB_ZONE_VNI } from '../../support/cluster-fixtures';
import { expectValidationError } from '../../support/validation-error';

const base = { name: 'c1', location: 'westeurope' } as const;

function buildError(props: HardenedClusterProps | (() => unknown)): SecureAksValidationError {
  return expectValidationError(typeof props === 'function' ? props : () => ManagedClusterModel.build(props));
}

test('reports every violation at once', () => {
  const error = buildError({
    name: 'bad.name',
    location: 'westeurope',
    kubernetesVersion: 'latest',
    apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['10.0.0.1/8', 'nonsense'] }),
    network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.16.0/30' }),
  });
  expect([...error.ruleIds].sort()).toEqual([
    Rules.clusterName.id,
    Rules.kubernetesVersion.id,
    Rules.cidrHostBits.id,
    Rules.cidrMalformed.id,
    // dnsPrefix defaults to the name, which is not a DNS label either
    Rules.dnsLabel.id,
    Rules.apiServerSubnetSize.id,
  ].sort());
  expect(error.message).toMatch(/^cluster "bad\.name": 6 problems must be fixed/);
  expect(error.message).toContain('detail: dnsPrefix defaults to the cluster name');
});

test('warnings do not block: an unrestricted public API server builds and says so', () => {
  const model = ManagedClusterModel.build({ ...base, apiServerAccess: ApiServerAccess.unrestrictedPublic() });
  expect(model.warnings.map((w) => w.rule.id)).toEqual([Rules.publicUnrestricted.id]);
  expect(model.cluster.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: false, authorizedIPRanges: [] });
});

test('the defaults raise no warning; what needs the user\'s own resources is a note for the report', () => {
  const result = validateHardenedCluster(base);
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  // No documented way in, the load balancer's public egress IP, and KMS and disks without a key of the user's.
  expect(result.infos.map((w) => w.rule.id).sort()).toEqual([Rules.privateClusterWithoutWayIn.id, Rules.egressPublicIp.id, Rules.kmsOff.id, Rules.diskKeysPlatformManaged.id].sort());
  const linked = validateHardenedCluster({
    ...base,
    apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ linkedVnetIds: [HUB_VNET] }) }),
  });
  expect(linked.infos.map((w) => w.rule.id)).not.toContain(Rules.privateClusterWithoutWayIn.id);
});

test('an acknowledged warning is not printed, and is recorded with its reason in the baseline report', () => {
  const reason = 'the claims cluster keeps pod traffic unencrypted until the ACNS licence is signed (ticket SEC-1234)';
  const props = { ...base, transitEncryption: TransitEncryption.none(), acknowledgements: [{ ruleId: Rules.transitEncryptionNone.id, reason }] };
  const result = validateHardenedCluster(props);
  expect(result.warnings.map((w) => w.rule.id)).not.toContain(Rules.transitEncryptionNone.id);
  expect(result.acknowledged.map((a) => [a.violation.rule.id, a.acknowledgement.reason])).toEqual([[Rules.transitEncryptionNone.id, reason]]);
  const model = ManagedClusterModel.build(props);
  const md = renderSecurityBaseline(model, definitionRuleOutcomes(model, []));
  expect(md).toContain(`| ${Rules.transitEncryptionNone.id} | transitEncryption |`);
  expect(md).toContain(reason);
  // Without the acknowledgement the same definition warns.
  expect(validateHardenedCluster({ ...props, acknowledgements: [] }).warnings.map((w) => w.rule.id)).toContain(Rules.transitEncryptionNone.id);
});

test('accepts an own zone with a subzone, in either naming form', () => {
  expect(validateHardenedCluster({ ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_VNI) }) }).errors).toEqual([]);
  expect(
    validateHardenedCluster({
      ...base,
      apiServerAccess: ApiServerAccess.private({ vnetIntegration: false, dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }),
    }).errors,
  ).toEqual([]);
});

test('accepts exactly the limits of authorized ranges', () => {
  const ranges = (n: number) => Array.from({ length: n }, (_, i) => `198.${51 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}/32`);
  expect(validateHardenedCluster({ ...base, apiServerAccess: ApiServerAccess.public({ vnetIntegration: false, authorizedIpRanges: ranges(200) }) }).errors).toEqual([]);
  expect(validateHardenedCluster({ ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ranges(2000) }) }).errors).toEqual([]);
});
