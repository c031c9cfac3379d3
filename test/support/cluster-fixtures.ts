import {
  ApiServerAccess,
  ClusterIdentity,
  ClusterNetwork,
  HardenedClusterProps,
  OutboundType,
  PodNetworking,
  PrivateDnsZone,
  TransitEncryption,
} from '../../lib';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const HUB_VNET = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`;
export const HUB_ZONE_VNI = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/payments.private.westeurope.azmk8s.io`;
export const HUB_ZONE_PL = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`;
export const SPOKE = `/subscriptions/${SUB}/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/spoke`;
export const GROUP = '11111111-2222-3333-4444-555555555555';
export const IDENTITY_ID = `/subscriptions/${SUB}/resourceGroups/ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks`;
export const CERT_MANAGER_IDENTITY = `/subscriptions/${SUB}/resourceGroups/ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cert-manager`;
export const KUBELET_ID = `/subscriptions/${SUB}/resourceGroups/ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet`;
export const HUB_ROUTE_TABLE = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/routeTables/spoke-egress`;
export const NAT_GATEWAY = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/natGateways/egress`;
export const REGISTRY = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.ContainerRegistry/registries/bootstrap`;
export const KEY_VAULT = `/subscriptions/${SUB}/resourceGroups/keys/providers/Microsoft.KeyVault/vaults/etcd-keys`;
export const KMS_KEY_ID = 'https://etcd-keys.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef';

/** Valid definitions covering every option, by name. */
export const VALID_CLUSTERS: Record<string, HardenedClusterProps> = {
  defaults: { name: 'defaults', location: 'westeurope' },
  ownCreatedZone: {
    name: 'own-zone',
    location: 'westeurope',
    apiServerAccess: ApiServerAccess.private({
      dnsZone: PrivateDnsZone.create({ subzone: 'payments', linkedVnetIds: [HUB_VNET] }),
      disableRunCommand: false,
      runCommandPrincipals: [{ principalId: GROUP, principalType: 'Group' }],
    }),
    fqdnSubdomain: 'payments',
    kubernetesVersion: '1.33',
    adminGroupObjectIds: [GROUP],
    tags: { costCenter: '42' },
  },
  hubZone: {
    name: 'hub-zone',
    location: 'westeurope',
    apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_VNI, { linkedVnetIds: [HUB_VNET] }) }),
    identity: ClusterIdentity.fromUserAssigned(IDENTITY_ID, GROUP),
  },
  privateLinkNoVnetIntegration: {
    name: 'private-link',
    location: 'westeurope',
    apiServerAccess: ApiServerAccess.private({
      vnetIntegration: false,
      dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL, { linkedVnetIds: [HUB_VNET] }),
    }),
  },
  noneWithPublicFqdn: {
    name: 'none-zone',
    location: 'westeurope',
    apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.none(), publicFqdn: true }),
  },
  publicRanges: {
    name: 'public',
    location: 'northeurope',
    apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24', '0.0.0.0/32'] }),
  },
  existingNetwork: {
    name: 'byo-net',
    location: 'westeurope',
    network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }),
  },
  calicoWireGuard: {
    name: 'calico',
    location: 'westeurope',
    transitEncryption: TransitEncryption.calicoWireGuard({ ipv6: true, mtu: 1340 }),
    userNodePools: [{ name: 'linux', vmSize: 'Standard_D4s_v5' }],
  },
  vnetEncryption: {
    name: 'vnet-enc',
    location: 'westeurope',
    transitEncryption: TransitEncryption.virtualNetworkEncryption(),
    apiServerAccess: ApiServerAccess.private({ vnetIntegration: false }),
    userNodePools: [{ name: 'mem', vmSize: 'Standard_E8ads_v5', count: 2 }],
  },
  acnsPodSubnetObservability: {
    name: 'pod-subnet',
    location: 'westeurope',
    transitEncryption: TransitEncryption.acnsWireGuard({ observability: true }),
    podNetworking: PodNetworking.azureCniPodSubnet(),
    network: ClusterNetwork.create({ podSubnetPrefix: '10.224.32.0/19' }),
  },
  egressThroughHubFirewall: {
    name: 'udr',
    location: 'westeurope',
    outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: '10.0.1.4' }),
  },
  egressThroughHubRouteTable: {
    name: 'udr-rt',
    location: 'westeurope',
    outboundType: OutboundType.userDefinedRouting({ routeTableId: HUB_ROUTE_TABLE }),
  },
  userAssignedNatGateway: {
    name: 'nat',
    location: 'westeurope',
    outboundType: OutboundType.userAssignedNatGateway({ natGatewayId: NAT_GATEWAY }),
  },
  networkIsolated: {
    name: 'isolated',
    location: 'westeurope',
    kubernetesVersion: '1.33',
    outboundType: OutboundType.networkIsolated(),
  },
  networkIsolatedOwnRegistry: {
    name: 'isolated-acr',
    location: 'westeurope',
    outboundType: OutboundType.networkIsolated({ containerRegistryId: REGISTRY, kubeletIdentity: { resourceId: KUBELET_ID, clientId: GROUP, principalId: GROUP } }),
  },
  kmsPrivateVault: {
    name: 'kms',
    location: 'westeurope',
    kms: { keyId: KMS_KEY_ID, keyVaultNetworkAccess: 'Private', keyVaultResourceId: KEY_VAULT },
  },
  auditLogsToSiem: {
    name: 'siem',
    location: 'westeurope',
    auditLogs: {
      categories: ['kube-audit', 'guard'],
      eventHub: { authorizationRuleId: `/subscriptions/${SUB}/resourceGroups/siem/providers/Microsoft.EventHub/namespaces/siem/authorizationRules/RootManageSharedAccessKey`, name: 'aks-audit' },
    },
  },
  federatedCertManager: {
    name: 'wid',
    location: 'westeurope',
    federatedIdentities: [{ name: 'cert-manager-dns', identityId: CERT_MANAGER_IDENTITY, clientId: GROUP, namespace: 'cert-manager', serviceAccountName: 'cert-manager' }],
  },
  istioAddon: {
    name: 'asm',
    location: 'westeurope',
    kubernetesVersion: '1.34',
    istioAddon: { revision: 'asm-1-30', egressGateways: [{ name: 'egress-payments', gatewayConfigurationName: 'payments-egress' }] },
  },
};
