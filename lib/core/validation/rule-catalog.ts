import { Rule } from './rule';
import { Sources as S } from './sources';

/**
 * Every rule the library enforces. docs/validation-rules.md is generated from
 * this catalog (`npm run docs:rules`) and a test keeps the two in step.
 */
export const Rules = {
  authorizedRangesWithPrivateCluster: {
    id: 'SAKS-API-001',
    statement: 'authorized IP ranges cannot be combined with a private cluster; they apply only to a public API server',
    sources: [S.authorizedIpRanges, S.privateClusters, S.eksToAksPrivateClusters],
    citation: 'api-server-authorized-ip-ranges.md "You can\'t use this feature with private clusters"',
    severity: 'error',
  },
  authorizedRangesLimit: {
    id: 'SAKS-API-002',
    statement: 'at most 200 authorized IP ranges, or 2,000 with API Server VNet Integration',
    sources: [S.authorizedIpRanges],
    severity: 'error',
  },
  cidrMalformed: {
    id: 'SAKS-API-003',
    statement: 'each authorized IP range is an IPv4 CIDR block (a.b.c.d/n)',
    sources: [S.authorizedIpRanges],
    severity: 'error',
  },
  cidrHostBits: {
    id: 'SAKS-API-004',
    statement: 'a CIDR block has no bits set beyond its prefix length',
    sources: [S.authorizedIpRanges, S.azureCniOverlay],
    severity: 'error',
  },
  publicWithoutRanges: {
    id: 'SAKS-API-005',
    statement:
      'a public API server is limited to authorized IP ranges; an empty list or a /0 range leaves it open to the whole internet',
    sources: [S.authorizedIpRanges, S.eksToAksPrivateClusters],
    severity: 'error',
  },
  publicUnrestricted: {
    id: 'SAKS-API-006',
    statement: 'the API server is reachable from the whole internet (explicit opt-in)',
    sources: [S.authorizedIpRanges, S.eksToAksPrivateClusters],
    severity: 'warning',
  },
  privateDnsNoneNeedsPublicFqdn: {
    id: 'SAKS-DNS-001',
    statement: 'private DNS zone "none" requires the public FQDN; without either no client can resolve the API server',
    sources: [S.privateClusters, S.eksToAksPrivateClusters],
    citation: 'DNS options table: none x enablePrivateClusterPublicFQDN=false is a misconfiguration',
    severity: 'error',
  },
  ownZoneName: {
    id: 'SAKS-DNS-002',
    statement:
      'an own private DNS zone is named privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io; with API Server VNet Integration private.<region>.azmk8s.io or <subzone>.private.<region>.azmk8s.io',
    sources: [S.privateClusters, S.terraformAzurermAksLocals],
    severity: 'error',
  },
  ownZoneSubzoneLength: {
    id: 'SAKS-DNS-003',
    statement: 'the <subzone> label of an own private DNS zone is at most 32 characters',
    sources: [S.privateClusters, S.terraformAzurermAksLocals],
    severity: 'error',
  },
  ownZoneNeedsUserAssignedIdentity: {
    id: 'SAKS-DNS-004',
    statement:
      'an own private DNS zone needs a user-assigned control plane identity with Private DNS Zone Contributor on the zone',
    sources: [S.privateClusters, S.managedIdentity],
    severity: 'error',
  },
  fqdnSubdomainNeedsOwnZone: {
    id: 'SAKS-DNS-005',
    statement: 'fqdnSubdomain can only be used with an own private DNS zone on a private cluster',
    sources: [S.privateClusters],
    severity: 'error',
  },
  fqdnSubdomainExcludesDnsPrefix: {
    id: 'SAKS-DNS-006',
    statement: 'dnsPrefix and fqdnSubdomain are mutually exclusive',
    sources: [S.privateClusters, S.managedClustersRestApi],
    severity: 'error',
  },
  dnsLabel: {
    id: 'SAKS-DNS-007',
    statement:
      'dnsPrefix and fqdnSubdomain are 1 to 54 characters of letters, digits and hyphens, starting and ending with a letter or digit',
    sources: [S.azCliAksCreate],
    severity: 'error',
  },
  privateDnsZoneId: {
    id: 'SAKS-DNS-008',
    statement: 'an own private DNS zone is given by its resource id (Microsoft.Network/privateDnsZones)',
    sources: [S.privateClusters],
    severity: 'error',
  },
  apiServerSubnetSize: {
    id: 'SAKS-VNI-001',
    statement: 'the API Server VNet Integration subnet is at least /28',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  apiServerSubnetDedicated: {
    id: 'SAKS-VNI-002',
    statement:
      'the API Server VNet Integration subnet is delegated to Microsoft.ContainerService/managedClusters and holds no other workloads (it is not the node subnet)',
    sources: [S.apiServerVnetIntegration, S.subnetDelegation],
    severity: 'error',
  },
  apiServerSubnetSameVnet: {
    id: 'SAKS-VNI-003',
    statement: 'the API Server VNet Integration subnet is in the same virtual network as the node subnet',
    sources: [S.apiServerVnetIntegration, S.eksToAksPrivateClusters],
    severity: 'error',
  },
  vnetIntegrationNeedsSubnet: {
    id: 'SAKS-VNI-004',
    statement: 'API Server VNet Integration on a cluster in an existing virtual network needs the API server subnet id',
    sources: [S.apiServerVnetIntegration, S.managedClustersRestApi],
    severity: 'error',
  },
  subnetInsideVnet: {
    id: 'SAKS-NET-001',
    statement: 'every subnet lies inside the virtual network address space',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  subnetsOverlap: {
    id: 'SAKS-NET-002',
    statement: 'subnets of one virtual network do not overlap',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  clusterCidrsOverlap: {
    id: 'SAKS-NET-003',
    statement: 'the pod CIDR, the service CIDR and the virtual network do not overlap',
    sources: [S.azureCniOverlay],
    severity: 'error',
  },
  dnsServiceIp: {
    id: 'SAKS-NET-004',
    statement: 'dnsServiceIP is inside the service CIDR and is not its first address',
    sources: [S.azureCniOverlay, S.managedClustersRestApi],
    severity: 'error',
  },
  resourceId: {
    id: 'SAKS-NET-005',
    statement: 'a resource brought by id is a full Azure resource id of the expected type',
    sources: [S.resourceNameRules],
    severity: 'error',
  },
  clusterName: {
    id: 'SAKS-NAME-001',
    statement:
      'a managed cluster name is 1 to 63 characters of letters, digits, underscores and hyphens, starting and ending with a letter or digit',
    sources: [S.resourceNameRules],
    severity: 'error',
  },
  nodePool: {
    id: 'SAKS-NAME-002',
    statement:
      'a Linux node pool name is 1 to 12 lowercase letters and digits starting with a letter; a system pool has at least 1 node, in zones 1, 2 or 3',
    sources: [S.managedClustersRestApi, S.resourceNameRules],
    severity: 'error',
  },
  kubernetesVersion: {
    id: 'SAKS-NAME-003',
    statement: 'kubernetesVersion is <major>.<minor> or <major>.<minor>.<patch>',
    sources: [S.managedClustersRestApi],
    severity: 'error',
  },
  principalId: {
    id: 'SAKS-NAME-004',
    statement: 'a principal id is an Entra ID object id (a GUID)',
    sources: [S.managedIdentity],
    severity: 'error',
  },
  runCommandPrincipalsNeedRunCommand: {
    id: 'SAKS-RUN-001',
    statement: 'run command principals can only be granted access when run command stays enabled',
    sources: [S.eksToAksPrivateClusters, S.commandInvoke],
    severity: 'error',
  },
  privateClusterWithoutWayIn: {
    id: 'SAKS-RUN-002',
    statement:
      'with run command disabled and no public FQDN, a private API server is reachable only from the cluster virtual network and virtual networks linked to its private DNS zone',
    sources: [S.privateClusters, S.eksToAksPrivateClusters],
    severity: 'warning',
  },
  createOnlyChanged: {
    id: 'SAKS-UPD-001',
    statement: 'a create-only property changes only by replacing the cluster',
    sources: [S.managedClustersRestApi, S.privateClusters],
    severity: 'error',
  },
  privateDnsZoneChange: {
    id: 'SAKS-UPD-002',
    statement: 'on an existing cluster, privateDNSZone can only change from an own zone or system to none',
    sources: [S.privateClusters],
    severity: 'error',
  },
  vnetIntegrationOneWay: {
    id: 'SAKS-UPD-003',
    statement: 'API Server VNet Integration cannot be disabled once enabled',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  publicToPrivate: {
    id: 'SAKS-UPD-004',
    statement: 'a public cluster becomes private in place only with API Server VNet Integration',
    sources: [S.privateClusters, S.apiServerVnetIntegration, S.eksToAksPrivateClusters],
    severity: 'error',
  },
} as const satisfies Record<string, Rule>;

/** Every rule, in catalog order. */
export const ALL_RULES: readonly Rule[] = Object.values(Rules);
