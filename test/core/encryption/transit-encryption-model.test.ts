import { expect, test } from 'vitest';
import { ManagedClusterModel, supportsVnetEncryption, TransitEncryption, VNET_ENCRYPTION_SERIES, WireGuardPorts } from '../../../lib';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';

const nsgRules = (m: ManagedClusterModel) =>
  ((m.resources.find((r) => r.logicalId === 'nodes-nsg')!.properties.securityRules as any[]) ?? []).map((r) => r.properties);

test('ACNS WireGuard is the default: Cilium dataplane and policy, ACNS security with WireGuard', () => {
  const m = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  expect(m.cluster.properties.networkProfile).toMatchObject({
    networkPlugin: 'azure',
    networkPluginMode: 'overlay',
    networkDataplane: 'cilium',
    networkPolicy: 'cilium',
    advancedNetworking: { enabled: true, security: { enabled: true, transitEncryption: { type: 'WireGuard' } } },
  });
});

test('ACNS WireGuard opens UDP 51871 between nodes on the node subnet NSG', () => {
  expect(WireGuardPorts.acns).toBe(51871);
  expect(nsgRules(ManagedClusterModel.build(VALID_CLUSTERS.defaults))).toEqual([
    expect.objectContaining({
      protocol: 'Udp',
      sourceAddressPrefix: '10.224.0.0/20',
      destinationAddressPrefix: '10.224.0.0/20',
      destinationPortRange: '51871',
      access: 'Allow',
      direction: 'Inbound',
    }),
  ]);
});

test('Calico WireGuard: Azure CNI with Calico policy on the Azure dataplane, ACNS off, Felix ports open', () => {
  const m = ManagedClusterModel.build(VALID_CLUSTERS.calicoWireGuard);
  expect(m.cluster.properties.networkProfile).toMatchObject({
    networkPlugin: 'azure',
    networkDataplane: 'azure',
    networkPolicy: 'calico',
    advancedNetworking: { enabled: false },
  });
  expect(nsgRules(m).map((r) => [r.protocol, r.destinationPortRange])).toEqual([
    ['Udp', '51820'],
    ['Udp', '51821'],
  ]);
  expect(m.warnings.map((w) => w.rule.id)).toContain('SAKS-ENC-009');
});

test('virtual network encryption sets encryption on the network, enforcement AllowUnencrypted', () => {
  const m = ManagedClusterModel.build(VALID_CLUSTERS.vnetEncryption);
  const vnet = m.resources.find((r) => r.logicalId === 'vnet')!;
  expect(vnet.properties.encryption).toEqual({ enabled: true, enforcement: 'AllowUnencrypted' });
  expect(nsgRules(m)).toEqual([]);
  expect(m.cluster.properties.networkProfile).toMatchObject({ advancedNetworking: { enabled: false } });
});

test('no other choice sets the network encryption', () => {
  for (const props of [VALID_CLUSTERS.defaults, VALID_CLUSTERS.calicoWireGuard]) {
    expect(ManagedClusterModel.build(props).resources.find((r) => r.logicalId === 'vnet')!.properties.encryption).toBeUndefined();
  }
});

test('a pod subnet is created, used by every pool and granted Network Contributor', () => {
  const m = ManagedClusterModel.build(VALID_CLUSTERS.acnsPodSubnetObservability);
  const subnets = (m.resources.find((r) => r.logicalId === 'vnet')!.properties.subnets as any[]).map((s) => s.name);
  expect(subnets).toEqual(['nodes', 'pods', 'apiserver']);
  expect((m.cluster.properties.agentPoolProfiles as any[])[0].podSubnetID).toBeDefined();
  expect(m.cluster.properties.networkProfile).not.toHaveProperty('networkPluginMode');
  expect(m.cluster.properties.networkProfile).not.toHaveProperty('podCidr');
  expect(m.resources.some((r) => r.logicalId === 'pod-subnet-network-contributor')).toBe(true);
  expect((m.cluster.properties.networkProfile as any).advancedNetworking.observability).toEqual({ enabled: true });
});

test.each([
  ['Standard_D4ds_v5', true],
  ['Standard_D4s_v5', true],
  ['Standard_D16-4s_v5', true],
  ['Standard_E8ads_v5', true],
  ['Standard_D4as_v6', true],
  ['Standard_M208ms_v2', true],
  ['Standard_L8s_v3', true],
  ['Standard_F4als_v6', true],
  ['Standard_D4s_v3', false],
  ['Standard_F4s_v2', false],
  ['Standard_B2s', false],
  ['Standard_D4pds_v5', false],
  ['standard_d4ds_v5', false],
])('virtual network encryption supports %s: %s', (size, supported) => {
  expect(supportsVnetEncryption(size)).toBe(supported);
});

test('the supported series table lists each documented series', () => {
  expect(Object.keys(VNET_ENCRYPTION_SERIES).sort()).toEqual(['D_v4', 'D_v5', 'D_v6', 'E_v4', 'E_v5', 'E_v6', 'F_v6', 'L_v3', 'M_v2', 'M_v3']);
});

test('nodePorts follow the mechanism', () => {
  expect(TransitEncryption.acnsWireGuard().nodePorts).toEqual([51871]);
  expect(TransitEncryption.calicoWireGuard().nodePorts).toEqual([51820]);
  expect(TransitEncryption.calicoWireGuard({ ipv6: true, listeningPort: 5000 }).nodePorts).toEqual([5000, 51821]);
  expect(TransitEncryption.virtualNetworkEncryption().nodePorts).toEqual([]);
  expect(TransitEncryption.none().isWireGuard).toBe(false);
});
