import * as containerservice from '@pulumi/azure-native/containerservice';
import * as kubernetesconfiguration from '@pulumi/azure-native/kubernetesconfiguration';
import * as network from '@pulumi/azure-native/network';
import type { Policies, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import { beforeAll, expect, test } from 'vitest';
import { ALL_RULES, SecureAksValidationError } from '../../lib';
import { auditCluster } from '../../lib/core/audit/audit-cluster';
import { PAYLOAD_RULE_IDS } from '../../lib/core/audit/cluster-payload-rules';
import { policyName, secureAksPolicies, STACK_RULE_IDS, WITH_POOLS_RULE_IDS, withPoolsPolicyName } from '../../lib/policy';
import { CLUSTER_RULES } from '../../lib/core/aks/cluster-rule-set';
import { describePulumiStack } from '../../lib/policy/pulumi-stack-description';
import { asOutputs, inAnalyzerOrder } from '../support/pulumi-analyzer';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

interface Reported {
  readonly policy: string;
  readonly level: string;
  readonly message: string;
  readonly urn?: string;
  /** The URN of the resource a resource policy was validating. */
  readonly on?: string;
}

const urnOf = (r: RecordedResource) => `urn:pulumi:stack::project::${r.type}::${r.name}`;
const policyResource = (r: RecordedResource) => ({ type: r.type, props: r.inputs, urn: urnOf(r), name: r.name, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined });

/**
 * Runs every policy as CrossGuard does, with a policy configuration: the resource policies on each
 * resource's inputs as it is registered, then the stack policies once, on the resources' outputs.
 */
function runPack(pack: Policies, stack: readonly RecordedResource[], config: Record<string, object> = {}): Reported[] {
  const out: Reported[] = [];
  const common = (name: string) => ({ stackTags: new Map<string, string>(), getConfig: <T extends object>() => (config[name] ?? {}) as T, notApplicable: (): never => { throw new Error('not applicable'); } });
  for (const p of inAnalyzerOrder(pack).filter((x) => x.enforcementLevel !== 'disabled')) {
    if ('validateStack' in p) {
      const report = (message: string, urn?: string) => out.push({ policy: p.name, level: p.enforcementLevel!, message, urn });
      (p as StackValidationPolicy).validateStack({ resources: stack.map((r) => asOutputs(policyResource(r))) as never, ...common(p.name) }, report);
    } else {
      const validate = (p as ResourceValidationPolicy).validateResource as (args: object, report: (message: string) => void) => void;
      for (const r of stack) validate({ ...policyResource(r), ...common(p.name) }, (message: string) => out.push({ policy: p.name, level: p.enforcementLevel!, message, on: urnOf(r) }));
    }
  }
  return out;
}
const mandatory = (reported: readonly Reported[]) => reported.filter((r) => r.level === 'mandatory').map((r) => `${r.policy}: ${r.message}`);

/** The resources a program registers under the mocks, from its import to its outputs. */
async function recorded(load: () => Promise<Record<string, unknown>>): Promise<RecordedResource[]> {
  const before = resources.length;
  const program = await load();
  await settle(...(Object.values(program).filter((v) => v && typeof v === 'object' && 'apply' in (v as object)) as never[]));
  return resources.slice(before);
}

test('one policy per rule the payload decides, named after it, and a companion per rule of node pools; errors mandatory, warnings advisory', () => {
  const pack = secureAksPolicies();
  const rules = ALL_RULES.filter((r) => PAYLOAD_RULE_IDS.has(r.id));
  const companions = rules.filter((r) => WITH_POOLS_RULE_IDS.has(r.id));
  expect(pack.map((p) => p.name).sort()).toEqual([...rules.map(policyName), ...companions.map(withPoolsPolicyName)].sort());
  // The rules of each cluster alone that read its pools, and only those; each companion is a stack policy at its rule's level.
  expect([...WITH_POOLS_RULE_IDS].sort()).toEqual(CLUSTER_RULES.filter((r) => r.scope === 'cluster' && r.judgesPools && PAYLOAD_RULE_IDS.has(r.rule.id)).map((r) => r.rule.id).sort());
  expect(companions.map((r) => r.id)).toEqual(expect.arrayContaining(['SAKS-ENC-005', 'SAKS-ENC-006', 'SAKS-ENC-002', 'SAKS-NAME-002', 'SAKS-VER-002']));
  for (const rule of companions) {
    const companion = pack.find((p) => p.name === withPoolsPolicyName(rule))!;
    expect('validateStack' in companion, companion.name).toBe(true);
    expect(companion.enforcementLevel, companion.name).toBe(pack.find((p) => p.name === policyName(rule))!.enforcementLevel);
  }
  // A rule's enforcement level applies to its companion too; the options name rules, not policies.
  const levels = secureAksPolicies({ enforcementLevels: { 'SAKS-ENC-005': 'advisory' } });
  expect(levels.filter((p) => p.name.startsWith('saks-enc-005')).map((p) => [p.name, p.enforcementLevel])).toEqual([['saks-enc-005', 'advisory'], ['saks-enc-005-with-pools', 'advisory']]);
  expect(() => secureAksPolicies({ enforcementLevels: { 'saks-enc-005-with-pools': 'advisory' } } as never)).toThrow(/enforcementLevels\["saks-enc-005-with-pools"\]/);
  expect(pack.find((p) => p.name === 'saks-api-005')).toMatchObject({ enforcementLevel: 'mandatory', description: expect.stringContaining('api-server-authorized-ip-ranges') });
  expect(pack.find((p) => p.name === 'saks-base-009')?.enforcementLevel).toBe('advisory');
  expect('validateStack' in pack.find((p) => p.name === 'saks-vni-001')!).toBe(true);
  expect([...STACK_RULE_IDS].every((id) => PAYLOAD_RULE_IDS.has(id))).toBe(true);
  expect(secureAksPolicies({ enforcementLevels: { 'SAKS-BASE-009': 'mandatory' } }).find((p) => p.name === 'saks-base-009')?.enforcementLevel).toBe('mandatory');
  // Options from a policy project's JSON: every problem reported at once, in the library's error.
  const bad = () => secureAksPolicies({ enforcementLevels: { 'SAKS-MESH-001': 'mandatory', 'SAKS-API-005': 'strict' } } as never);
  expect(bad).toThrow(SecureAksValidationError);
  expect(bad).toThrow(/2 problems[\s\S]*enforcementLevels\["SAKS-API-005"\] = "strict"[\s\S]*enforcementLevels\["SAKS-MESH-001"\]/);
});

test.each([
  ['private-cluster', () => import('../../examples/private-cluster/index')],
  ['public-authorized-ranges', () => import('../../examples/public-authorized-ranges/index')],
  ['acns-wireguard', () => import('../../examples/acns-wireguard/index')],
  ['calico-wireguard', () => import('../../examples/calico-wireguard/index')],
  ['platform', () => import('../../examples/platform/index')],
])('the pack accepts the library\'s own example "%s", recorded under mocks', async (_name, load) => {
  const stack = await recorded(load as () => Promise<Record<string, unknown>>);
  const clusters = stack.filter((r) => r.type === 'azure-native:resources:Resource' && r.inputs.resourceType === 'managedClusters');
  expect(clusters.length).toBeGreaterThan(0);
  const reported = runPack(secureAksPolicies(), stack);
  expect(mandatory(reported)).toEqual([]);
  // The stack policies found each cluster's audit-log setting and lock among the program's resources.
  expect(reported.filter((r) => ['saks-base-013', 'saks-base-014', 'saks-log-001'].includes(r.policy))).toEqual([]);
});

/** A cluster as users write it with the typed azure-native resource: hardened, except where a test changes it. */
function typedCluster(name: string, args: Partial<containerservice.ManagedClusterArgs> = {}): containerservice.ManagedClusterArgs {
  return {
    resourceGroupName: 'rg',
    resourceName: name,
    location: 'westeurope',
    dnsPrefix: name,
    kubernetesVersion: '1.33',
    sku: { name: 'Base', tier: 'Standard' },
    identity: { type: 'SystemAssigned' },
    enableRBAC: true,
    disableLocalAccounts: true,
    aadProfile: { managed: true, enableAzureRBAC: true },
    apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system' },
    agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', osType: 'Linux', enableEncryptionAtHost: true, nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'], securityProfile: { sshAccess: 'Disabled' } }],
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10'},
    ...args,
  };
}

const PRIVATE_ZONE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io';

test.each([
  ['a public API server with no authorized range', { apiServerAccessProfile: {} }, 'saks-api-005'],
  ['authorized ranges on a private cluster', { apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ['203.0.113.0/24'] } }, 'saks-api-001'],
  ['private DNS zone none without the public FQDN', { apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'none' } }, 'saks-dns-001'],
  ['an own private DNS zone with a system-assigned identity', { apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: PRIVATE_ZONE } }, 'saks-dns-004'],
  // transitEncryption is not in the default module's types (azure-native 3.28); a newer version module has it.
  ['WireGuard without the Cilium dataplane', { networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkPolicy: 'azure', advancedNetworking: { enabled: true, security: { enabled: true, transitEncryption: { type: 'WireGuard' } } } } }, 'saks-enc-003'],
  ['a service principal with a secret', { servicePrincipalProfile: { clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', secret: 'placeholder' } }, 'saks-id-001'],
  ['node public IPs', { agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', enableNodePublicIP: true }] }, 'saks-net-011'],
  ['local accounts', { disableLocalAccounts: false }, 'saks-base-016'],
  ['an unversioned KMS key', { identity: { type: 'UserAssigned', userAssignedIdentities: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id'] }, securityProfile: { azureKeyVaultKms: { enabled: true, keyId: 'https://vault1.vault.azure.net/keys/etcd' } } }, 'saks-kms-001'],
  ['a service CIDR larger than /12', { networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium', serviceCidr: '10.0.0.0/8', dnsServiceIP: '10.0.0.10' } }, 'saks-net-008'],
] as const)('the pack rejects a typed azure-native ManagedCluster with %s', async (_mistake, change, policy) => {
  const name = `typed-${policy}`;
  new containerservice.ManagedCluster(name, typedCluster(name, change as Partial<containerservice.ManagedClusterArgs>));
  await settle();
  const stack = resources.filter((r) => r.name === name);
  expect(stack.map((r) => r.type)).toEqual(['azure-native:containerservice:ManagedCluster']);
  const reported = runPack(secureAksPolicies(), stack);
  expect(reported.filter((r) => r.policy === policy && r.level === 'mandatory').length, JSON.stringify(mandatory(reported))).toBeGreaterThan(0);
  // The same inputs under a version module's token are the same cluster for the pack.
  const versioned = stack.map((r) => ({ ...r, type: 'azure-native:containerservice/v20250801:ManagedCluster' }));
  expect(mandatory(runPack(secureAksPolicies(), versioned))).toEqual(mandatory(reported));
});

test('a hardened typed ManagedCluster passes every mandatory policy', async () => {
  new containerservice.ManagedCluster('typed-hardened', typedCluster('typed-hardened'));
  await settle();
  expect(mandatory(runPack(secureAksPolicies(), resources.filter((r) => r.name === 'typed-hardened')))).toEqual([]);
});

test('the support windows are judged on the evaluation date of the policy configuration (default: today)', async () => {
  new containerservice.ManagedCluster('typed-support', typedCluster('typed-support'));
  await settle();
  const stack = resources.filter((r) => r.name === 'typed-support');
  const on = (evaluationDate: string) => ({ 'saks-ver-001': { evaluationDate }, 'saks-ver-002': { evaluationDate } });
  const support = (reported: readonly Reported[]) => reported.filter((r) => r.policy.startsWith('saks-ver-')).map((r) => `${r.policy} ${r.level}: ${r.message}`);
  // Kubernetes 1.33: standard support through July 2026 (Microsoft's AKS calendar).
  expect(support(runPack(secureAksPolicies(), stack, on('2026-04-01')))).toEqual([]);
  const ending = support(runPack(secureAksPolicies(), stack, on('2026-06-15')));
  expect(ending).toHaveLength(1);
  expect(ending[0]).toMatch(/^saks-ver-001 advisory: properties\.kubernetesVersion = "1\.33": upgrade .*evaluated on 2026-06-15\)$/);
  const ended = support(runPack(secureAksPolicies(), stack, on('2026-08-01')));
  expect(ended).toHaveLength(1);
  expect(ended[0]).toMatch(/^saks-ver-002 mandatory: properties\.kubernetesVersion = "1\.33": .*support ended 2026-07 .*evaluated on 2026-08-01\)$/);
  // Without a date, today (the tests' fixed clock: 2026-04-01).
  expect(support(runPack(secureAksPolicies(), stack))).toEqual([]);
  // A date that is no calendar date is the library's violation, not a verdict.
  const bad = runPack(secureAksPolicies(), stack, on('2026-02-30')).filter((r) => r.policy.startsWith('saks-ver-'));
  expect(bad.map((r) => r.message)).toEqual([expect.stringContaining('[SAKS-VER-003] evaluationDate = "2026-02-30"'), expect.stringContaining('[SAKS-VER-003] evaluationDate = "2026-02-30"')]);
});

test('stack policies read the resources beside the cluster: an undelegated /29 API server subnet', async () => {
  const vnetId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
  new network.Subnet('apiserver-subnet', { resourceGroupName: 'rg', virtualNetworkName: 'spoke', subnetName: 'apiserver', addressPrefix: '10.1.16.0/29' });
  new containerservice.ManagedCluster('typed-vnet-integration', typedCluster('typed-vnet-integration', {
    apiServerAccessProfile: { enablePrivateCluster: true, enableVnetIntegration: true, subnetId: `${vnetId}/subnets/apiserver` },
    agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', vnetSubnetID: `${vnetId}/subnets/nodes`, enableEncryptionAtHost: true, nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'], securityProfile: { sshAccess: 'Disabled' } }],
  }));
  await settle();
  const stack = resources.filter((r) => ['apiserver-subnet', 'typed-vnet-integration'].includes(r.name));
  const reported = runPack(secureAksPolicies(), stack);
  expect(reported.filter((r) => r.level === 'mandatory').map((r) => [r.policy, r.urn])).toEqual([
    ['saks-vni-001', urnOf(stack.find((r) => r.name === 'typed-vnet-integration')!)],
    ['saks-vni-002', urnOf(stack.find((r) => r.name === 'typed-vnet-integration')!)],
  ]);
  // Exempted through policy configuration, with the reason: nothing reported for it.
  const exempt = { 'saks-vni-001': { exemptions: ['typed-vnet-integration: migrates to a /28 in the next window'] } };
  expect(runPack(secureAksPolicies(), stack, exempt).filter((r) => r.policy === 'saks-vni-001')).toEqual([]);
});

test('a policy set to disabled reports nothing; the generic Resource of a managed cluster is read like the typed one', () => {
  const generic: RecordedResource = {
    type: 'azure-native:resources:Resource',
    name: 'generic',
    inputs: { resourceProviderNamespace: 'Microsoft.ContainerService', resourceType: 'managedClusters', resourceName: 'generic', location: 'westeurope', properties: { disableLocalAccounts: false } },
  };
  expect(runPack(secureAksPolicies(), [generic]).some((r) => r.policy === 'saks-base-016' && r.level === 'mandatory')).toBe(true);
  expect(runPack(secureAksPolicies({ enforcementLevels: { 'SAKS-BASE-016': 'disabled' } }), [generic]).some((r) => r.policy === 'saks-base-016')).toBe(false);
});

test('at preview, a value Pulumi does not know yet leaves its part of the payload undecided, and the rest is still checked', () => {
  // CrossGuard's inputs throw when an unknown value is read.
  const unknownRanges = Object.defineProperty({ enablePrivateCluster: false }, 'authorizedIPRanges', { enumerable: true, get: () => { throw new Error('unknown value'); } });
  const preview: RecordedResource = {
    type: 'azure-native:resources:Resource',
    name: 'preview',
    inputs: { resourceProviderNamespace: 'Microsoft.ContainerService', resourceType: 'managedClusters', resourceName: 'preview', location: 'westeurope', properties: { apiServerAccessProfile: unknownRanges, disableLocalAccounts: false } },
  };
  const policies = runPack(secureAksPolicies(), [preview]).map((r) => r.policy);
  expect(policies).not.toContain('saks-api-005');
  expect(policies).toContain('saks-base-016');
});

test('resources made for AKS in a stack without their cluster are checked on their own: a delegated subnet, an AKS zone', async () => {
  // Another team's network stack: the API server subnet and the zone, no cluster.
  new network.Subnet('team-apiserver', { resourceGroupName: 'net', virtualNetworkName: 'hub', subnetName: 'aks-apiserver', addressPrefix: '10.9.0.0/29', delegations: [{ name: 'aks', serviceName: 'Microsoft.ContainerService/managedClusters' }] });
  new network.Subnet('team-apiserver-ok', { resourceGroupName: 'net', virtualNetworkName: 'hub', subnetName: 'aks-apiserver-2', addressPrefix: '10.9.1.0/28', delegations: [{ name: 'aks', serviceName: 'Microsoft.ContainerService/managedClusters' }] });
  new network.Subnet('team-plain', { resourceGroupName: 'net', virtualNetworkName: 'hub', subnetName: 'plain', addressPrefix: '10.9.2.0/29' });
  await settle();
  const stack = resources.filter((r) => r.name.startsWith('team-'));
  const zone: RecordedResource = { type: 'azure-native:privatedns:PrivateZone', name: 'team-zone', inputs: { resourceGroupName: 'net', privateZoneName: 'payments.privatelink.westeruope.azmk8s.io', location: 'global' } };
  const reported = runPack(secureAksPolicies(), [...stack, zone]).filter((r) => r.level === 'mandatory');
  expect(reported.map((r) => [r.policy, r.urn ?? 'resource'])).toEqual([
    ['saks-dns-002', 'resource'],
    ['saks-vni-001', urnOf(stack.find((r) => r.name === 'team-apiserver')!)],
  ]);
  expect(reported[0].message).toContain('"westeruope" is not an Azure region');
});

test('a cluster of the classic @pulumi/azure provider is judged by the same rules: public, a service principal secret, local accounts', async () => {
  const classic = await import('@pulumi/azure/containerservice');
  new classic.KubernetesCluster('classic-aks', {
    location: 'westeurope',
    resourceGroupName: 'rg',
    dnsPrefix: 'classic',
    defaultNodePool: { name: 'default', nodeCount: 2, vmSize: 'Standard_B2s' },
    servicePrincipal: { clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', clientSecret: 'placeholder' },
  });
  await settle();
  const stack = resources.filter((r) => r.name === 'classic-aks');
  expect(stack.map((r) => r.type)).toEqual(['azure:containerservice/kubernetesCluster:KubernetesCluster']);
  const failed = new Set(runPack(secureAksPolicies(), stack).filter((r) => r.level === 'mandatory').map((r) => r.policy));
  for (const policy of ['saks-api-005', 'saks-id-001', 'saks-base-016']) expect(failed, policy).toContain(policy);
});

test('a node pool declared as its own resource is judged by the pool rules before it is created: azure-native AgentPool, classic KubernetesClusterNodePool', async () => {
  const classic = await import('@pulumi/azure/containerservice');
  new containerservice.AgentPool('typed-pool-public-ip', {
    resourceGroupName: 'rg',
    resourceName: 'typed-pools',
    agentPoolName: 'user1',
    mode: 'User',
    count: 2,
    vmSize: 'Standard_D4ds_v5',
    enableNodePublicIP: true,
    enableEncryptionAtHost: true,
  });
  new containerservice.AgentPool('typed-pool-hardened', {
    resourceGroupName: 'rg',
    resourceName: 'typed-pools',
    agentPoolName: 'user2',
    mode: 'User',
    count: 2,
    vmSize: 'Standard_D4ds_v5',
    enableNodePublicIP: false,
    enableEncryptionAtHost: true,
  });
  new classic.KubernetesClusterNodePool('classic-pool-public-ip', {
    kubernetesClusterId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/classic-pools',
    vmSize: 'Standard_D4ds_v5',
    nodeCount: 2,
    nodePublicIpEnabled: true,
    hostEncryptionEnabled: true,
  });
  await settle();
  const policiesOn = (name: string) => {
    const stack = resources.filter((r) => r.name === name);
    expect(stack, name).toHaveLength(1);
    return runPack(secureAksPolicies(), stack).filter((r) => r.level === 'mandatory').map((r) => r.policy);
  };
  // SAKS-NET-011: no node public IPs, the same rule the inline pools of a cluster are judged by.
  expect(policiesOn('typed-pool-public-ip')).toEqual(['saks-net-011']);
  expect(policiesOn('classic-pool-public-ip')).toEqual(['saks-net-011']);
  expect(policiesOn('typed-pool-hardened')).toEqual([]);
  // At preview, a value Pulumi does not know yet is undecided: neither reported nor passed in silence by a crash.
  const typed = resources.find((r) => r.name === 'typed-pool-public-ip')!;
  const inputs = { ...typed.inputs };
  Object.defineProperty(inputs, 'enableNodePublicIP', { enumerable: true, get: () => { throw new Error('unknown during preview'); } });
  expect(runPack(secureAksPolicies(), [{ ...typed, name: 'typed-pool-unknown', inputs }]).filter((r) => r.policy === 'saks-net-011')).toEqual([]);
});

test('a separate pool whose cluster is in the stack is judged once, on the pool; what it needs of the cluster is not reported on the pool alone', async () => {
  new containerservice.ManagedCluster('pooled', typedCluster('pooled'));
  new containerservice.AgentPool('pooled-user', {
    resourceGroupName: 'rg',
    resourceName: 'pooled',
    agentPoolName: 'User_1',
    mode: 'User',
    count: 2,
    vmSize: 'Standard_D4ds_v5',
    osType: 'Linux',
    enableNodePublicIP: true,
    enableEncryptionAtHost: true,
    enableFIPS: true,
  });
  await settle();
  const cluster = resources.filter((r) => r.name === 'pooled');
  const pool = resources.filter((r) => r.name === 'pooled-user');
  expect(pool.map((r) => r.type)).toEqual(['azure-native:containerservice:AgentPool']);
  // The stack's description: the pool is its cluster's, not a pool without a cluster as well.
  const { deployment } = describePulumiStack([...cluster, ...pool].map(policyResource));
  expect(deployment.clusters.map((c) => c.poolResources.length)).toEqual([1]);
  expect(deployment.orphanPools).toEqual([]);
  const reported = runPack(secureAksPolicies(), [...cluster, ...pool]);
  // SAKS-NET-011 and the pool's name (SAKS-NAME-002): once each, from the pool's own policies.
  expect(reported.filter((r) => r.policy === 'saks-net-011')).toHaveLength(1);
  expect(reported.filter((r) => r.policy === 'saks-name-002').map((r) => r.message)).toEqual([expect.stringMatching(/^name = "User_1": use 1-12 lowercase letters/)]);
  expect(mandatory(runPack(secureAksPolicies(), cluster))).toEqual([]);
  expect(runPack(secureAksPolicies(), pool).filter((r) => r.level === 'mandatory').map((r) => r.policy).sort()).toEqual(['saks-name-002', 'saks-net-011']);
  // A FIPS pool breaks SAKS-ENC-005 only in a cluster with WireGuard: read alone, the pool's cluster is not known, so nothing is claimed.
  expect(reported.filter((r) => r.policy === 'saks-enc-005')).toEqual([]);
});

test('a Flux configuration written by hand is judged by the GitOps source rules: a token in its Git URL, a branch git refuses', async () => {
  // https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2 ; https://git-scm.com/docs/git-check-ref-format
  new containerservice.ManagedCluster('typed-gitops', typedCluster('typed-gitops'));
  const on = { resourceGroupName: 'rg', clusterRp: 'Microsoft.ContainerService', clusterResourceName: 'managedClusters', clusterName: 'typed-gitops', sourceKind: 'GitRepository' };
  new kubernetesconfiguration.FluxConfiguration('gitops-bad', { ...on, fluxConfigurationName: 'platform', gitRepository: { url: 'https://ci:ghp_0123@github.com/contoso/platform', repositoryRef: { branch: 'main..x' } } });
  await settle();
  const cluster = resources.find((r) => r.name === 'typed-gitops')!;
  const bad = runPack(secureAksPolicies(), resources.filter((r) => ['typed-gitops', 'gitops-bad'].includes(r.name))).filter((r) => r.level === 'mandatory');
  expect(bad.map((r) => [r.policy, r.urn])).toEqual([
    ['saks-git-005', urnOf(cluster)],
    ['saks-git-006', urnOf(cluster)],
  ]);
  expect(bad.map((r) => r.message).join('\n')).not.toContain('ghp_0123');
  new kubernetesconfiguration.FluxConfiguration('gitops-good', { ...on, fluxConfigurationName: 'platform', gitRepository: { url: 'https://github.com/contoso/platform', repositoryRef: { branch: 'main' } } });
  await settle();
  expect(mandatory(runPack(secureAksPolicies(), resources.filter((r) => ['typed-gitops', 'gitops-good'].includes(r.name))))).toEqual([]);
});

/** A Linux user pool of the cluster `cluster`, declared as its own azure-native resource, with `args` over it. */
function typedPool(cluster: string, name: string, args: Partial<containerservice.AgentPoolArgs> = {}): containerservice.AgentPoolArgs {
  return { resourceGroupName: 'rg', resourceName: cluster, agentPoolName: name, mode: 'User', count: 2, vmSize: 'Standard_D4ds_v5', osType: 'Linux', enableEncryptionAtHost: true, ...args };
}

/** The network profile of a cluster with ACNS WireGuard on the Cilium dataplane (transitEncryption is in a newer version module's types). */
const WIREGUARD = { networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10', advancedNetworking: { enabled: true, security: { enabled: true, transitEncryption: { type: 'WireGuard' } } } } } as Partial<containerservice.ManagedClusterArgs>;

/** What a rule's policies report: its resource policy and its companion, each with the resource reported on. */
const reportsOf = (reported: readonly Reported[], rule: string) => reported.filter((r) => r.policy === rule || r.policy === `${rule}-with-pools`).map((r) => [r.policy, r.urn ?? r.on]);

test('a cluster on the Cilium dataplane with a Windows pool declared as its own resource: the companion reports it on the pool, once', async () => {
  new containerservice.ManagedCluster('cilium-win', typedCluster('cilium-win'));
  new containerservice.AgentPool('cilium-win-pool', typedPool('cilium-win', 'win1', { osType: 'Windows' }));
  await settle();
  const cluster = resources.find((r) => r.name === 'cilium-win')!;
  const pool = resources.find((r) => r.name === 'cilium-win-pool')!;
  const reported = runPack(secureAksPolicies(), [cluster, pool]);
  // Neither resource alone shows it: the cluster's resource holds no Windows pool, the pool's holds no dataplane.
  expect(reportsOf(reported, 'saks-enc-006')).toEqual([['saks-enc-006-with-pools', urnOf(pool)]]);
  expect(reported.find((r) => r.policy === 'saks-enc-006-with-pools')).toMatchObject({ level: 'mandatory', message: expect.stringMatching(/^properties\.osType = "Windows": run Windows workloads in a cluster on the Azure dataplane/) });
  // No other companion reports: what the resource policies found on each alone is not reported again.
  expect(reported.filter((r) => r.policy.endsWith('-with-pools')).map((r) => r.policy)).toEqual(['saks-enc-006-with-pools']);
  // The same Windows pool written inline in the cluster: only the rule's own policy, on the cluster.
  const inline = { ...cluster, name: 'cilium-win-inline', inputs: { ...cluster.inputs, agentPoolProfiles: [...(cluster.inputs.agentPoolProfiles as object[]), { name: 'win1', mode: 'User', count: 2, vmSize: 'Standard_D4ds_v5', osType: 'Windows', enableEncryptionAtHost: true }] } };
  expect(reportsOf(runPack(secureAksPolicies(), [inline]), 'saks-enc-006')).toEqual([['saks-enc-006', urnOf(inline)]]);
  // Exempted by the pool's name or the cluster's, in the companion's configuration.
  const exempt = (name: string) => ({ 'saks-enc-006-with-pools': { exemptions: [`${name}: Windows nodes leave in the next window, ticket OPS-7`] } });
  expect(reportsOf(runPack(secureAksPolicies(), [cluster, pool], exempt('cilium-win-pool')), 'saks-enc-006')).toEqual([]);
  expect(reportsOf(runPack(secureAksPolicies(), [cluster, pool], exempt('cilium-win')), 'saks-enc-006')).toEqual([]);
  // Disabled through the rule's enforcement level: the companion too.
  expect(reportsOf(runPack(secureAksPolicies({ enforcementLevels: { 'SAKS-ENC-006': 'disabled' } }), [cluster, pool]), 'saks-enc-006')).toEqual([]);
});

test('at preview, a pool\'s osType or cluster name Pulumi does not know yet leaves the companion undecided: nothing reported', async () => {
  new containerservice.ManagedCluster('cilium-preview', typedCluster('cilium-preview'));
  new containerservice.AgentPool('cilium-preview-pool', typedPool('cilium-preview', 'pool1'));
  await settle();
  const cluster = resources.find((r) => r.name === 'cilium-preview')!;
  const pool = resources.find((r) => r.name === 'cilium-preview-pool')!;
  const inputs = { ...pool.inputs };
  Object.defineProperty(inputs, 'osType', { enumerable: true, get: () => { throw new Error('unknown during preview'); } });
  const reported = runPack(secureAksPolicies(), [cluster, { ...pool, inputs }]);
  expect(reportsOf(reported, 'saks-enc-006')).toEqual([]);
  expect(mandatory(reported)).toEqual([]);
  // A Windows pool whose cluster's name Pulumi does not know yet is judged alone: its cluster is not claimed.
  const unnamed = { ...pool.inputs, osType: 'Windows' };
  Object.defineProperty(unnamed, 'resourceName', { enumerable: true, get: () => { throw new Error('unknown during preview'); } });
  expect(reportsOf(runPack(secureAksPolicies(), [cluster, { ...pool, inputs: unnamed }]), 'saks-enc-006')).toEqual([]);
  // Once the name is known (at update), the same pool is judged with its cluster.
  expect(reportsOf(runPack(secureAksPolicies(), [cluster, { ...pool, inputs: { ...pool.inputs, osType: 'Windows' } }]), 'saks-enc-006')).toEqual([['saks-enc-006-with-pools', urnOf(pool)]]);
});

test('a cluster with ACNS WireGuard and a FIPS pool declared as its own resource: SAKS-ENC-005\'s companion reports it on the pool', async () => {
  new containerservice.ManagedCluster('wg-fips', typedCluster('wg-fips', WIREGUARD));
  new containerservice.AgentPool('wg-fips-pool', typedPool('wg-fips', 'fips1', { enableFIPS: true, enableNodePublicIP: true }));
  new containerservice.AgentPool('wg-plain-pool', typedPool('wg-fips', 'plain1'));
  await settle();
  const stack = resources.filter((r) => ['wg-fips', 'wg-fips-pool', 'wg-plain-pool'].includes(r.name));
  const reported = runPack(secureAksPolicies(), stack);
  expect(reportsOf(reported, 'saks-enc-005')).toEqual([['saks-enc-005-with-pools', urnOf(stack.find((r) => r.name === 'wg-fips-pool')!)]]);
  expect(reported.find((r) => r.policy === 'saks-enc-005-with-pools')!.message).toMatch(/^properties\.enableFIPS = true: use virtual network encryption where FIPS is required/);
  // The pool's public IPs are seen on the pool alone: reported by the rule's own policy, not by its companion again.
  expect(reportsOf(reported, 'saks-net-011')).toEqual([['saks-net-011', urnOf(stack.find((r) => r.name === 'wg-fips-pool')!)]]);
  expect(reported.filter((r) => r.level === 'mandatory').map((r) => r.policy).sort()).toEqual(['saks-enc-005-with-pools', 'saks-net-011']);
});

test('a pool whose cluster is not in the stack is judged alone: the companions report nothing', async () => {
  new containerservice.ManagedCluster('lonely-cluster', typedCluster('lonely-cluster', WIREGUARD));
  new containerservice.AgentPool('lonely-pool', typedPool('existing-elsewhere', 'win2', { osType: 'Windows', enableFIPS: true }));
  await settle();
  const stack = resources.filter((r) => ['lonely-cluster', 'lonely-pool'].includes(r.name));
  const reported = runPack(secureAksPolicies(), stack);
  expect(reported.filter((r) => r.policy.endsWith('-with-pools'))).toEqual([]);
  expect(reportsOf(reported, 'saks-enc-005')).toEqual([]);
  expect(reportsOf(reported, 'saks-enc-006')).toEqual([]);
});

test('the classic provider: a Cilium KubernetesCluster with a Windows KubernetesClusterNodePool is judged together', async () => {
  const classic = await import('@pulumi/azure/containerservice');
  new classic.KubernetesCluster('classic-cilium', {
    name: 'classic-cilium',
    location: 'westeurope',
    resourceGroupName: 'rg',
    dnsPrefix: 'classic-cilium',
    defaultNodePool: { name: 'system', nodeCount: 3, vmSize: 'Standard_D4ds_v5' },
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataPlane: 'cilium', networkPolicy: 'cilium' },
  });
  new classic.KubernetesClusterNodePool('classic-cilium-win', {
    name: 'win3',
    kubernetesClusterId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/classic-cilium',
    vmSize: 'Standard_D4ds_v5',
    nodeCount: 2,
    osType: 'Windows',
  });
  await settle();
  const stack = resources.filter((r) => ['classic-cilium', 'classic-cilium-win'].includes(r.name));
  expect(reportsOf(runPack(secureAksPolicies(), stack), 'saks-enc-006')).toEqual([['saks-enc-006-with-pools', urnOf(stack.find((r) => r.name === 'classic-cilium-win')!)]]);
});

test('the pack and the audit agree on a stack with separate pools: each rule the audit fails is reported, once, on the cluster or its pool', async () => {
  new containerservice.ManagedCluster('agree', typedCluster('agree', WIREGUARD));
  new containerservice.AgentPool('agree-win', typedPool('agree', 'win4', { osType: 'Windows' }));
  new containerservice.AgentPool('agree-fips', typedPool('agree', 'fips4', { enableFIPS: true, enableNodePublicIP: true }));
  new containerservice.AgentPool('agree-name', typedPool('agree', 'User_4'));
  await settle();
  const stack = resources.filter((r) => ['agree', 'agree-win', 'agree-fips', 'agree-name'].includes(r.name));
  const { deployment } = describePulumiStack(stack.map(policyResource));
  expect(deployment.clusters.map((c) => c.poolResources.length)).toEqual([3]);
  const failed = auditCluster(deployment.clusters[0]).outcomes.filter((o) => PAYLOAD_RULE_IDS.has(o.rule.id) && o.verdict === 'fail');
  const reported = runPack(secureAksPolicies(), stack);
  const ruleOf = (policy: string) => policy.replace(/-with-pools$/, '');
  expect([...new Set(reported.map((r) => ruleOf(r.policy)))].sort()).toEqual(failed.map((o) => policyName(o.rule)).sort());
  // Among them the rules that combine the cluster's settings with a separate pool's, which neither resource shows alone.
  expect(failed.map((o) => o.rule.id)).toEqual(expect.arrayContaining(['SAKS-ENC-005', 'SAKS-ENC-006', 'SAKS-NET-011', 'SAKS-NAME-002']));
  // Each finding once: the audit's findings of these rules, and the pack's reports, one for one.
  const findings = failed.flatMap((o) => o.findings).filter((f) => !STACK_RULE_IDS.has(f.rule.id));
  expect(reported.filter((r) => !STACK_RULE_IDS.has(ruleOf(r.policy).toUpperCase())).length).toBe(findings.length);
  // Each on the resource whose setting it is.
  const on = (policy: string) => reported.filter((r) => ruleOf(r.policy) === policy).map((r) => r.urn ?? r.on);
  expect(on('saks-enc-006')).toEqual([urnOf(stack.find((r) => r.name === 'agree-win')!)]);
  expect(on('saks-enc-005')).toEqual([urnOf(stack.find((r) => r.name === 'agree-fips')!)]);
});
