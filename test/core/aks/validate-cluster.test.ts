import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  ClusterIdentity,
  ClusterNetwork,
  HardenedClusterProps,
  ManagedClusterModel,
  PrivateDnsZone,
  Rules,
  SecureAksValidationError,
  validateHardenedCluster,
} from '../../../lib';
import { GROUP, HUB_VNET, HUB_ZONE_PL, HUB_ZONE_VNI, SPOKE, SUB } from '../../support/cluster-fixtures';

const base = { name: 'c1', location: 'westeurope' } as const;
const OTHER_VNET = `/subscriptions/${SUB}/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/other`;

function buildError(props: HardenedClusterProps): SecureAksValidationError {
  try {
    ManagedClusterModel.build(props);
  } catch (e) {
    if (e instanceof SecureAksValidationError) return e;
    throw e;
  }
  throw new Error('expected a SecureAksValidationError');
}

interface Case {
  readonly name: string;
  readonly props: HardenedClusterProps;
  readonly rule: { readonly id: string; readonly statement: string };
  readonly property: string;
  /** Text the fix must contain. */
  readonly fix: RegExp;
}

/** One failing input per error rule: the input, the rule, where, and the fix. */
export const FAILING_CASES: readonly Case[] = [
  {
    name: 'authorized ranges on a private cluster',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ authorizedIpRanges: ['203.0.113.0/24'] } as never) },
    rule: Rules.authorizedRangesWithPrivateCluster,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /ApiServerAccess\.public/,
  },
  {
    name: 'more than 200 ranges without VNet Integration',
    props: {
      ...base,
      apiServerAccess: ApiServerAccess.public({
        vnetIntegration: false,
        authorizedIpRanges: Array.from({ length: 201 }, (_, i) => `198.51.${Math.floor(i / 256)}.${i % 256}/32`),
      }),
    },
    rule: Rules.authorizedRangesLimit,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /VNet Integration/,
  },
  {
    name: 'more than 2,000 ranges with VNet Integration',
    props: {
      ...base,
      apiServerAccess: ApiServerAccess.public({
        authorizedIpRanges: Array.from({ length: 2001 }, (_, i) => `198.${51 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}/32`),
      }),
    },
    rule: Rules.authorizedRangesLimit,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /aggregate/,
  },
  {
    name: 'a malformed CIDR',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.300/24'] }) },
    rule: Rules.cidrMalformed,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /a\.b\.c\.d\/n/,
  },
  {
    name: 'a CIDR with host bits set',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.7/24'] }) },
    rule: Rules.cidrHostBits,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /203\.0\.113\.0\/24/,
  },
  {
    name: 'a public API server with no ranges',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: [] }) },
    rule: Rules.publicWithoutRanges,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /ApiServerAccess\.private/,
  },
  {
    name: 'a /0 range',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['0.0.0.0/0'] }) },
    rule: Rules.publicWithoutRanges,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /only the public CIDRs/,
  },
  {
    name: 'private DNS zone none with the public FQDN off',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.none(), publicFqdn: false }) },
    rule: Rules.privateDnsNoneNeedsPublicFqdn,
    property: 'apiServerAccess.publicFqdn',
    fix: /publicFqdn: true/,
  },
  {
    name: 'an own zone named for private link while VNet Integration is on',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }) },
    rule: Rules.ownZoneName,
    property: 'apiServerAccess.dnsZone',
    fix: /private\.westeurope\.azmk8s\.io/,
  },
  {
    name: 'an own zone of another region',
    props: {
      ...base,
      location: 'northeurope',
      apiServerAccess: ApiServerAccess.private({ vnetIntegration: false, dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }),
    },
    rule: Rules.ownZoneName,
    property: 'apiServerAccess.dnsZone',
    fix: /privatelink\.northeurope\.azmk8s\.io/,
  },
  {
    name: 'an own zone subzone over 32 characters',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ subzone: 'a'.repeat(33) }) }) },
    rule: Rules.ownZoneSubzoneLength,
    property: 'apiServerAccess.dnsZone.subzone',
    fix: /at most 32/,
  },
  {
    name: 'an own zone with a system-assigned identity',
    props: {
      ...base,
      identity: ClusterIdentity.systemAssigned(),
      apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }),
    },
    rule: Rules.ownZoneNeedsUserAssignedIdentity,
    property: 'identity',
    fix: /ClusterIdentity\.create/,
  },
  {
    name: 'fqdnSubdomain with the system zone',
    props: { ...base, fqdnSubdomain: 'payments' },
    rule: Rules.fqdnSubdomainNeedsOwnZone,
    property: 'fqdnSubdomain',
    fix: /dnsPrefix instead/,
  },
  {
    name: 'fqdnSubdomain together with dnsPrefix',
    props: {
      ...base,
      fqdnSubdomain: 'payments',
      dnsPrefix: 'payments',
      apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }),
    },
    rule: Rules.fqdnSubdomainExcludesDnsPrefix,
    property: 'dnsPrefix',
    fix: /remove dnsPrefix/,
  },
  {
    name: 'a dnsPrefix with a dot',
    props: { ...base, dnsPrefix: 'pay.ments' },
    rule: Rules.dnsLabel,
    property: 'dnsPrefix',
    fix: /1-54 letters/,
  },
  {
    name: 'an own zone id that is not a private DNS zone',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_VNET) }) },
    rule: Rules.privateDnsZoneId,
    property: 'apiServerAccess.dnsZone',
    fix: /privateDnsZones/,
  },
  {
    name: 'an API server subnet smaller than /28',
    props: { ...base, network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.16.0/29' }) },
    rule: Rules.apiServerSubnetSize,
    property: 'network.apiServerSubnetPrefix',
    fix: /\/28 or larger/,
  },
  {
    name: 'the node subnet used as API server subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/nodes` }) },
    rule: Rules.apiServerSubnetDedicated,
    property: 'network.apiServerSubnetId',
    fix: /delegated to Microsoft\.ContainerService\/managedClusters/,
  },
  {
    name: 'an API server subnet in another network',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${OTHER_VNET}/subnets/api` }) },
    rule: Rules.apiServerSubnetSameVnet,
    property: 'network.apiServerSubnetId',
    fix: /node subnet's network/,
  },
  {
    name: 'VNet Integration in an existing network without an API server subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes` }) },
    rule: Rules.vnetIntegrationNeedsSubnet,
    property: 'network.apiServerSubnetId',
    fix: /\/28/,
  },
  {
    name: 'a subnet outside the address space',
    props: { ...base, network: ClusterNetwork.create({ nodeSubnetPrefix: '10.225.0.0/20' }) },
    rule: Rules.subnetInsideVnet,
    property: 'network.nodeSubnetPrefix',
    fix: /inside 10\.224\.0\.0\/16/,
  },
  {
    name: 'overlapping subnets',
    props: { ...base, network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.0.16/28' }) },
    rule: Rules.subnetsOverlap,
    property: 'network.apiServerSubnetPrefix',
    fix: /does not overlap network\.nodeSubnetPrefix/,
  },
  {
    name: 'a pod CIDR inside the virtual network',
    props: { ...base, podCidr: '10.224.128.0/17' },
    rule: Rules.clusterCidrsOverlap,
    property: 'podCidr',
    fix: /outside the virtual network/,
  },
  {
    name: 'a DNS service IP outside the service CIDR',
    props: { ...base, dnsServiceIp: '10.1.0.10' },
    rule: Rules.dnsServiceIp,
    property: 'dnsServiceIp',
    fix: /inside 10\.0\.0\.0\/16/,
  },
  {
    name: 'a node subnet id that is not a subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: SPOKE, apiServerSubnetId: `${SPOKE}/subnets/api` }) },
    rule: Rules.resourceId,
    property: 'network.nodeSubnetId',
    fix: /subnets resource id/,
  },
  {
    name: 'a cluster name with a dot',
    props: { ...base, name: 'c1.prod' },
    rule: Rules.clusterName,
    property: 'name',
    fix: /1-63 letters/,
  },
  {
    name: 'an upper-case pool name',
    props: { ...base, systemPool: { name: 'System' } },
    rule: Rules.nodePool,
    property: 'systemPool.name',
    fix: /lowercase/,
  },
  {
    name: 'a Kubernetes version with a v',
    props: { ...base, kubernetesVersion: 'v1.33' },
    rule: Rules.kubernetesVersion,
    property: 'kubernetesVersion',
    fix: /"1\.33"/,
  },
  {
    name: 'an admin group that is not an object id',
    props: { ...base, adminGroupObjectIds: ['platform-admins'] },
    rule: Rules.principalId,
    property: 'adminGroupObjectIds[0]',
    fix: /object id/,
  },
  {
    name: 'run command principals while run command is disabled',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ runCommandPrincipals: [{ principalId: GROUP, principalType: 'Group' }] }) },
    rule: Rules.runCommandPrincipalsNeedRunCommand,
    property: 'apiServerAccess.runCommandPrincipals',
    fix: /disableRunCommand: false/,
  },
];

describe.each(FAILING_CASES)('fails on $name', (c) => {
  const error = buildError(c.props);
  const v = error.violations.find((x) => x.rule.id === c.rule.id && x.property === c.property);

  test(`reports ${c.rule.id} at ${c.property}`, () => {
    expect(v, `violations were: ${error.ruleIds.join(', ')}`).toBeDefined();
    expect(v!.fix).toMatch(c.fix);
  });

  test('the message names the property, the value, the rule, the fix and the source', () => {
    expect(error.message).toContain(`[${c.rule.id}] ${c.property} = `);
    expect(error.message).toContain(`rule: ${c.rule.statement}`);
    expect(error.message).toContain(`fix: ${v!.fix}`);
    expect(error.message).toMatch(/source: https:\/\//);
  });
});

test('every error rule of the catalog (bar the update rules) has a failing case above', () => {
  const covered = new Set(FAILING_CASES.map((c) => c.rule.id));
  const updateRules = /^SAKS-UPD-/;
  const missing = Object.values(Rules)
    .filter((r) => r.severity === 'error' && !updateRules.test(r.id))
    .filter((r) => !covered.has(r.id))
    .map((r) => r.id);
  expect(missing).toEqual([]);
});

test('reports every violation at once', () => {
  const error = buildError({
    name: 'bad.name',
    location: 'westeurope',
    kubernetesVersion: 'latest',
    apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['10.0.0.1/8', 'nonsense'] }),
    network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.16.0/30' }),
  });
  expect(error.ruleIds).toEqual([
    Rules.clusterName.id,
    Rules.kubernetesVersion.id,
    Rules.cidrHostBits.id,
    Rules.cidrMalformed.id,
    // dnsPrefix defaults to the name, which is not a DNS label either
    Rules.dnsLabel.id,
    Rules.apiServerSubnetSize.id,
  ]);
  expect(error.message).toMatch(/^cluster "bad\.name": 6 problems must be fixed/);
  expect(error.message).toContain('detail: dnsPrefix defaults to the cluster name');
});

test('warnings do not block: an unrestricted public API server builds and says so', () => {
  const model = ManagedClusterModel.build({ ...base, apiServerAccess: ApiServerAccess.unrestrictedPublic() });
  expect(model.warnings.map((w) => w.rule.id)).toEqual([Rules.publicUnrestricted.id]);
  expect(model.cluster.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: false, authorizedIPRanges: [] });
});

test('warns when a private API server has no documented way in', () => {
  const result = validateHardenedCluster(base);
  expect(result.errors).toEqual([]);
  expect(result.warnings.map((w) => w.rule.id)).toEqual([Rules.privateClusterWithoutWayIn.id]);
  const linked = validateHardenedCluster({
    ...base,
    apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ linkedVnetIds: [HUB_VNET] }) }),
  });
  expect(linked.warnings).toEqual([]);
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
