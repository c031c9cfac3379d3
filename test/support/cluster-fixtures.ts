import {
  ApiServerAccess,
  ClusterIdentity,
  ClusterNetwork,
  HardenedClusterProps,
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
};
