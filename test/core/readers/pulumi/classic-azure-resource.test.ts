import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recordedPointer } from '../../../../lib/core/description/described-resource';
import { isUnknown, UnknownValue } from '../../../../lib/core/description/unknown-value';
import { describeClassicAzureResource, KNOWN_AFTER_CREATE } from '../../../../lib/core/readers/pulumi/classic-azure-resource';
import { CLASSIC_SUBSCRIPTION, classicAzureId } from '../../../support/classic-program-mocks';
import { STAND_IN_STATE } from '../../../support/pulumi-classic-stand-ins';

vi.mock('@pulumi/azuread', () => import('../../../support/pulumi-classic-stand-ins'));
vi.mock('@pulumi/tls', () => import('../../../support/pulumi-classic-stand-ins'));

interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

const SUB = CLASSIC_SUBSCRIPTION;
const registered: Registered[] = [];

describe('describeClassicAzureResource on pulumi/examples kubernetes-ts-multicloud (classic @pulumi/azure)', () => {
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          // Bridged providers name a resource without `name` from its logical name; the mock returns it as its name.
          const state = { name: args.name, ...args.inputs, ...(STAND_IN_STATE[args.type] ?? {}) };
          return { id: classicAzureId(args.type, args.name, args.inputs), state };
        },
        call() {
          return {};
        },
      },
      'project',
      'stack',
      false,
    );
    const { AksCluster } = await import('../../../fixtures/pulumi-classic/kubernetes-ts-multicloud/aks');
    const aks = new AksCluster('multicloud');
    await new Promise<void>((resolve) => aks.cluster.id.apply(() => resolve()));
    await new Promise((r) => setTimeout(r, 100));
  });

  const described = (type: string) => {
    const r = registered.find((x) => x.type === type);
    expect(r, type).toBeDefined();
    return describeClassicAzureResource(r!.type, r!.name, r!.inputs, `urn:pulumi:stack::project::${r!.type}::${r!.name}`)!;
  };

  it('reads the cluster as a public cluster with local accounts, a service principal and one system pool', () => {
    const cluster = described('azure:containerservice/kubernetesCluster:KubernetesCluster');
    const p = cluster.body.properties as Record<string, any>;
    expect(cluster.type).toBe('Microsoft.ContainerService/managedClusters');
    expect(cluster.origin).toEqual({ document: 'urn:pulumi:stack::project::azure:containerservice/kubernetesCluster:KubernetesCluster::aksCluster', pointer: '' });
    expect(p.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: false, enablePrivateClusterPublicFQDN: false, disableRunCommand: false });
    expect(p.apiServerAccessProfile.authorizedIPRanges).toBeUndefined();
    expect(p.disableLocalAccounts).toBe(false);
    expect(p.enableRBAC).toBe(true);
    expect(p.aadProfile).toBeUndefined();
    // A service principal, not a managed identity: its client id is the Azure AD application's, its secret not read.
    expect(cluster.body.identity).toBeUndefined();
    expect(p.servicePrincipalProfile.clientId).toBe(STAND_IN_STATE['azuread:index/application:Application'].clientId);
    expect(p.servicePrincipalProfile.secret).toBeInstanceOf(UnknownValue);
    expect(JSON.stringify(cluster.body)).not.toContain('generated-password');
    expect(p.kubernetesVersion).toBe('1.27');
    expect(p.dnsPrefix).toBe('multicloud');
    expect(p.networkProfile).toEqual({ networkPlugin: 'azure', dnsServiceIP: '10.2.2.254', serviceCidr: '10.2.2.0/24' });
    expect(p.linuxProfile).toEqual({ adminUsername: 'aksuser', ssh: { publicKeys: [{ keyData: STAND_IN_STATE['tls:index/privateKey:PrivateKey'].publicKeyOpenssh }] } });
    expect(p.agentPoolProfiles).toHaveLength(1);
    const pool = p.agentPoolProfiles[0];
    expect(pool).toMatchObject({ name: 'aksagentpool', mode: 'System', osType: 'Linux', count: 2, vmSize: 'Standard_B2s', osDiskSizeGB: 30, enableNodePublicIP: false, enableFIPS: false });
    expect(pool.vnetSubnetID).toBe(`/subscriptions/${SUB}/resourceGroups/multicloud/providers/Microsoft.Network/virtualNetworks/multicloud/subnets/multicloud`);
    expect(recordedPointer(pool)).toBe('/defaultNodePool');
    expect(recordedPointer(p.linuxProfile)).toBe('/linuxProfile');
  });

  it('reads the network, the subnet and the role assignment of the same program', () => {
    const vnet = described('azure:network/virtualNetwork:VirtualNetwork');
    expect(vnet.type).toBe('Microsoft.Network/virtualNetworks');
    expect((vnet.body.properties as any).addressSpace).toEqual({ addressPrefixes: ['10.2.0.0/16'] });
    const subnet = described('azure:network/subnet:Subnet');
    expect(subnet.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect((subnet.body.properties as any).addressPrefixes).toEqual(['10.2.1.0/24']);
    const role = described('azure:authorization/assignment:Assignment');
    expect(role.type).toBe('Microsoft.Authorization/roleAssignments');
    expect(role.scope).toBe(`/subscriptions/${SUB}/resourceGroups/multicloud`);
  });

  it('does not describe a resource the rules do not read', () => {
    expect(describeClassicAzureResource('azure:network/publicIp:PublicIp', 'ip', {})).toBeUndefined();
  });
});

describe('describeClassicAzureResource on unknown inputs', () => {
  it('makes an input that throws when read (CrossGuard at preview) an unknown value, not a default', () => {
    const inputs: Record<string, unknown> = { name: 'aks', location: 'westeurope', dnsPrefix: 'aks', defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5' } };
    Object.defineProperty(inputs, 'privateClusterEnabled', { enumerable: true, get: () => { throw new Error('unknown'); } });
    const cluster = describeClassicAzureResource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'aks', inputs)!;
    const access = (cluster.body.properties as any).apiServerAccessProfile;
    expect(isUnknown(access.enablePrivateCluster)).toBe(true);
    expect(access.enablePrivateCluster.reason).toBe(KNOWN_AFTER_CREATE);
    expect(cluster.origin).toEqual({ document: 'aks', pointer: '' });
  });

  it("makes the engine's unknown sentinel an unknown value", () => {
    const cluster = describeClassicAzureResource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'aks', {
      name: 'aks',
      localAccountDisabled: '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
      defaultNodePool: { name: 'system' },
    })!;
    expect(isUnknown((cluster.body.properties as any).disableLocalAccounts)).toBe(true);
  });

  it('names a resource without a name as auto-named, unknown', () => {
    const zone = describeClassicAzureResource('azure:privatedns/zone:Zone', 'zone', {})!;
    expect(isUnknown(zone.name)).toBe(true);
  });

  it('names a node pool after the cluster of its literal cluster id', () => {
    const pool = describeClassicAzureResource('azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool', 'user', {
      name: 'user',
      kubernetesClusterId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
      vmSize: 'Standard_D4s_v5',
      nodeTaints: ['workload=true:NoSchedule'],
    })!;
    expect(pool.type).toBe('Microsoft.ContainerService/managedClusters/agentPools');
    expect(pool.name).toBe('aks/user');
    expect(pool.body.properties).toMatchObject({ mode: 'User', osType: 'Linux', vmSize: 'Standard_D4s_v5', nodeTaints: ['workload=true:NoSchedule'] });
  });
});
