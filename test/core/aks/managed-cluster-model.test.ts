import { expect, test } from 'vitest';
import {
  ApiServerAccess,
  ApiVersions,
  ArmReference,
  BuiltInRoles,
  ClusterIdentity,
  CREATE_ONLY_CLUSTER_PROPERTIES,
  ManagedClusterModel,
  OutboundType,
  PodNetworking,
  PrivateDnsZone,
  Rules,
  RUN_COMMAND_ACTIONS,
  TransitEncryption,
} from '../../../lib';
import { GROUP, HUB_VNET, VALID_CLUSTERS } from '../../support/cluster-fixtures';

const byType = (m: ManagedClusterModel, type: string) => m.resources.filter((r) => r.type === type);

test('the default configuration is a private cluster with run command and local accounts off', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  const template = model.toArmTemplate();
  const cluster = (template.resources as any[]).find((r) => r.type === 'Microsoft.ContainerService/managedClusters');
  expect(cluster.apiVersion).toBe(ApiVersions.managedClusters);
  expect(cluster.properties.apiServerAccessProfile).toEqual({
    enablePrivateCluster: true,
    enableVnetIntegration: true,
    disableRunCommand: true,
    subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'defaults-vnet', 'apiserver')]",
    privateDNSZone: 'system',
    enablePrivateClusterPublicFQDN: false,
  });
  expect(cluster.properties.disableLocalAccounts).toBe(true);
  expect(cluster.properties.enableRBAC).toBe(true);
  expect(cluster.properties.aadProfile).toEqual({ managed: true, enableAzureRBAC: true });
  expect(cluster.properties.networkProfile).toMatchObject({ networkPlugin: 'azure', networkPluginMode: 'overlay', loadBalancerSku: 'standard' });
  expect(cluster.identity.type).toBe('UserAssigned');
  expect(Object.keys(cluster.identity.userAssignedIdentities)).toEqual([
    "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'defaults-identity')]",
  ]);
});

test('the API server subnet is delegated, /28, and its NSG admits the nodes on TCP 443 and 4443', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  const vnet = byType(model, 'Microsoft.Network/virtualNetworks')[0];
  const api = (vnet.properties.subnets as any[]).find((s) => s.name === 'apiserver');
  expect(api.properties.addressPrefix).toBe('10.224.16.0/28');
  expect(api.properties.delegations).toEqual([{ name: 'aks-apiserver', properties: { serviceName: 'Microsoft.ContainerService/managedClusters' } }]);
  const rule = (byType(model, 'Microsoft.Network/networkSecurityGroups')[0].properties.securityRules as any[])[0].properties;
  expect(rule).toMatchObject({
    protocol: 'Tcp',
    sourceAddressPrefix: '10.224.0.0/20',
    destinationAddressPrefix: '10.224.16.0/28',
    destinationPortRanges: ['443', '4443'],
    access: 'Allow',
    direction: 'Inbound',
  });
});

test('the identity gets Network Contributor on both subnets before the cluster is created', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  const assignments = byType(model, 'Microsoft.Authorization/roleAssignments');
  expect(assignments.map((a) => [a.logicalId, (a.properties.roleDefinitionId as any).name])).toEqual([
    ['node-subnet-network-contributor', BuiltInRoles.networkContributor],
    ['apiserver-subnet-network-contributor', BuiltInRoles.networkContributor],
  ]);
  expect(model.cluster.dependsOn).toEqual(assignments.map((a) => a.logicalId));
});

test('an own zone gets Private DNS Zone Contributor and links to the hub networks', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.ownCreatedZone);
  const zone = byType(model, 'Microsoft.Network/privateDnsZones')[0];
  expect(zone.name).toEqual(['payments.private.westeurope.azmk8s.io']);
  const dnsRole = model.resources.find((r) => r.logicalId === 'private-dns-zone-contributor')!;
  expect((dnsRole.properties.roleDefinitionId as any).name).toBe(BuiltInRoles.privateDnsZoneContributor);
  const links = byType(model, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks');
  expect(links.map((l) => l.properties)).toEqual([{ virtualNetwork: { id: HUB_VNET }, registrationEnabled: false }]);
  expect(model.cluster.properties.fqdnSubdomain).toBe('payments');
  expect(model.cluster.properties.dnsPrefix).toBeUndefined();
});

test('run command stays on only with a role of exactly its two actions, granted to the named principals', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.ownCreatedZone);
  const role = byType(model, 'Microsoft.Authorization/roleDefinitions')[0];
  expect(role.properties.permissions).toEqual([{ actions: [...RUN_COMMAND_ACTIONS], notActions: [] }]);
  expect(RUN_COMMAND_ACTIONS).toEqual([
    'Microsoft.ContainerService/managedClusters/runcommand/action',
    'Microsoft.ContainerService/managedClusters/commandResults/read',
  ]);
  const grant = model.resources.find((r) => r.logicalId === `run-command-${GROUP}`)!;
  expect(grant.properties).toMatchObject({ principalId: GROUP, principalType: 'Group' });
  expect(model.cluster.properties.apiServerAccessProfile).toMatchObject({ disableRunCommand: false });
});

test('the dataplane is marked create-only when the target is not Cilium (Azure never leaves Cilium in place)', () => {
  expect(ManagedClusterModel.build(VALID_CLUSTERS.calicoWireGuard).cluster.createOnlyProperties).toContain('networkProfile.networkDataplane');
  expect(ManagedClusterModel.build(VALID_CLUSTERS.defaults).cluster.createOnlyProperties).not.toContain('networkProfile.networkDataplane');
});

test('create-only fields are marked, and enablePrivateCluster too when VNet Integration is off', () => {
  expect(ManagedClusterModel.build(VALID_CLUSTERS.defaults).cluster.createOnlyProperties).toEqual([...CREATE_ONLY_CLUSTER_PROPERTIES]);
  expect(ManagedClusterModel.build(VALID_CLUSTERS.privateLinkNoVnetIntegration).cluster.createOnlyProperties).toEqual([
    ...CREATE_ONLY_CLUSTER_PROPERTIES,
    'apiServerAccessProfile.enablePrivateCluster',
  ]);
  expect(CREATE_ONLY_CLUSTER_PROPERTIES).toEqual(expect.arrayContaining(['dnsPrefix', 'fqdnSubdomain', 'networkProfile.networkPlugin']));
});

test('a public cluster carries its authorized ranges and no private DNS settings', () => {
  const access = ManagedClusterModel.build(VALID_CLUSTERS.publicRanges).cluster.properties.apiServerAccessProfile;
  expect(access).toEqual({
    enablePrivateCluster: false,
    enableVnetIntegration: true,
    disableRunCommand: true,
    subnetId: expect.anything(),
    authorizedIPRanges: ['203.0.113.0/24', '0.0.0.0/32'],
  });
});

test('an existing identity is used as is and no identity is created', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.hubZone);
  expect(byType(model, 'Microsoft.ManagedIdentity/userAssignedIdentities')).toEqual([]);
  expect(model.cluster.identity?.userAssignedIdentities).toEqual([(VALID_CLUSTERS.hubZone.identity as ClusterIdentity).resourceId]);
});

test('a system-assigned identity gets no role assignments it could not have yet', () => {
  const model = ManagedClusterModel.build({ name: 'sys', location: 'westeurope', identity: ClusterIdentity.systemAssigned() });
  expect(model.cluster.identity).toEqual({ type: 'SystemAssigned' });
  expect(byType(model, 'Microsoft.Authorization/roleAssignments')).toEqual([]);
});

test('synthesis is deterministic', () => {
  const a = JSON.stringify(ManagedClusterModel.build(VALID_CLUSTERS.ownCreatedZone).toArmTemplate());
  const b = JSON.stringify(ManagedClusterModel.build(VALID_CLUSTERS.ownCreatedZone).toArmTemplate());
  expect(a).toBe(b);
});

test('hub links are ordered by id whatever the input order', () => {
  const hub2 = HUB_VNET.replace('/hub', '/hub2');
  const make = (ids: string[]) =>
    ManagedClusterModel.build({ name: 'x', location: 'westeurope', apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ linkedVnetIds: ids }) }) })
      .resources.filter((r) => r.type.endsWith('virtualNetworkLinks'))
      .map((r) => r.logicalId);
  expect(make([HUB_VNET, hub2])).toEqual(make([hub2, HUB_VNET]));
});

test('by default: no SSH on any pool, Image Cleaner weekly, the OIDC issuer and workload identity on, the issuer URL an output', () => {
  const m = ManagedClusterModel.build({ name: 'c1', location: 'westeurope' });
  const p = m.cluster.properties as any;
  expect(p.agentPoolProfiles.map((pool: any) => pool.securityProfile)).toEqual([{ sshAccess: 'Disabled' }, { sshAccess: 'Disabled' }]);
  expect(p.securityProfile.imageCleaner).toEqual({ enabled: true, intervalHours: 168 });
  expect(p.securityProfile.workloadIdentity).toEqual({ enabled: true });
  expect(p.oidcIssuerProfile).toEqual({ enabled: true });
  expect(m.toArmTemplate().outputs?.oidcIssuerUrl?.value).toMatch(/^\[reference\(.*\)\.oidcIssuerProfile\.issuerURL\]$/);
  const off = ManagedClusterModel.build({ name: 'c1', location: 'westeurope', workloadIdentity: false, nodeSshAccess: 'EntraId', imageCleaner: { enabled: false } }).cluster.properties as any;
  expect(off.oidcIssuerProfile).toBeUndefined();
  expect(off.securityProfile.workloadIdentity).toEqual({ enabled: false });
  expect(off.securityProfile.imageCleaner).toEqual({ enabled: false });
  expect(off.agentPoolProfiles[0].securityProfile).toEqual({ sshAccess: 'EntraId' });
});

test('control-plane audit logs: a diagnostic setting on the cluster, kube-audit-admin and guard to its workspace', () => {
  const m = ManagedClusterModel.build({ name: 'c1', location: 'westeurope' });
  const template = m.toArmTemplate();
  const ds = (template.resources as any[]).find((r) => r.type === 'Microsoft.Insights/diagnosticSettings');
  expect(ds).toMatchObject({
    apiVersion: '2021-05-01-preview',
    name: 'c1-audit-logs',
    scope: 'Microsoft.ContainerService/managedClusters/c1',
    properties: { logs: [{ category: 'kube-audit-admin', enabled: true }, { category: 'guard', enabled: true }] },
  });
  expect(ds.properties.workspaceId).toMatch(/^\[resourceId\('Microsoft.OperationalInsights\/workspaces'/);
  const storage = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs';
  const withStorage = ManagedClusterModel.build({ name: 'c1', location: 'westeurope', auditLogs: { categories: ['kube-audit'], storageAccountId: storage } });
  expect(withStorage.resources.find((r) => r.logicalId === 'audit-logs')!.properties).toMatchObject({ storageAccountId: storage, logs: [{ category: 'kube-audit', enabled: true }] });
  expect(ManagedClusterModel.build({ name: 'c1', location: 'westeurope', auditLogs: { enabled: false } }).resources.some((r) => r.logicalId === 'audit-logs')).toBe(false);
});

test('kubenet with egress through the hub firewall: the control plane identity may write pod routes into the route table', () => {
  const model = ManagedClusterModel.build({
    name: 'kubenet-udr',
    location: 'westeurope',
    podNetworking: PodNetworking.kubenet(),
    // Kubenet carries no transit encryption of the library's; the opt-out is acknowledged.
    transitEncryption: TransitEncryption.none(),
    acknowledgements: [{ ruleId: Rules.transitEncryptionNone.id, reason: 'a test of the route table grant alone, nothing deployed' }],
    outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: '10.0.1.4' }),
  });
  const grant = model.resources.find((r) => r.logicalId === 'route-table-network-contributor')!;
  expect(grant.scope).toEqual(new ArmReference('egress-route-table'));
  expect(model.cluster.dependsOn).toContain('route-table-network-contributor');
  // Azure CNI does not write routes: no grant.
  const overlay = ManagedClusterModel.build({ name: 'overlay-udr', location: 'westeurope', outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: '10.0.1.4' }) });
  expect(overlay.resources.some((r) => r.logicalId === 'route-table-network-contributor')).toBe(false);
});

test('the delete locks leave the private DNS zone alone: AKS deletes its own records there', () => {
  const model = ManagedClusterModel.build({ name: 'zone', location: 'westeurope', apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }) });
  const locked = model.resources.filter((r) => r.type === 'Microsoft.Authorization/locks').map((r) => (r.scope as ArmReference).logicalId);
  expect([...locked].sort()).toEqual(['apiserver-nsg', 'cluster', 'log-analytics', 'nodes-nsg', 'vnet']);
  expect(locked).not.toContain('private-dns-zone');
  expect(model.resources.some((r) => r.logicalId === 'private-dns-zone')).toBe(true);
});
