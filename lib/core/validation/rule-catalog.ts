import {
  ACNS_MIN_KUBERNETES,
  AKS_RESERVED_RANGES,
  API_SERVER_SUBNET_MAX_PREFIX,
  AUTHORIZED_RANGE_LIMIT,
  AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION,
  AZURE_SUBNET_RESERVED_ADDRESSES,
  CALICO_WIREGUARD_MTU,
  DEFAULT_MAX_SURGE_PERCENT,
  FEDERATED_CREDENTIALS_PER_IDENTITY,
  AKS_ISTIO_EGRESS_GATEWAY_LIMIT,
  AKS_ISTIO_EGRESS_NAME,
  IMAGE_CLEANER_INTERVAL_HOURS,
  MIN_PODS_PER_NODE,
  NETWORK_ISOLATED_MIN_KUBERNETES,
  NETWORK_ISOLATED_NODE_OS_CHANNELS,
  POD_CIDR_PREFIX_PER_NODE,
  SERVICE_CIDR_MIN_PREFIX,
} from '../aks/aks-limits';
import { VNET_ENCRYPTION_SERIES } from '../encryption/vnet-encryption-vm-sizes';
import { ISTIO_RESERVED_PORTS } from '../mesh/istio-ports';
import { SUPPORT_WARNING_DAYS } from '../versions/support-warning-days';
import { Rule } from './rule';
import { Sources as S } from './sources';

/** `2000` as `2,000`, without `toLocaleString`, whose first call loads ICU data (about 15 ms at every start). */
function withThousandsSeparator(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The shortest reason an acknowledgement may give: a reason, not a placeholder (SAKS-ACK-001).
 * @category Validation
 */
export const MIN_ACKNOWLEDGEMENT_REASON = 20;

/**
 * Every rule the library enforces. docs/validation-rules.md is generated from
 * this catalog (`npm run docs:rules`) and a test keeps the two in step.
 * @category Validation
 */
export const Rules = {
  inputType: {
    id: 'SAKS-INPUT-001',
    statement:
      'every property has its documented type (text, number, true/false, a list, or the result of the named factory), required properties are set, and no unknown property is given',
    sources: [S.managedClustersRestApi, S.kubernetesNames],
    severity: 'error',
  },
  acknowledgement: {
    id: 'SAKS-ACK-001',
    statement: `an acknowledgement names a warning rule of the catalog (errors cannot be acknowledged) and gives a reason of at least ${MIN_ACKNOWLEDGEMENT_REASON} characters`,
    sources: [S.cdkNagSuppressions, S.checkovSuppressions],
    severity: 'error',
  },
  acknowledgementUnused: {
    id: 'SAKS-ACK-002',
    statement: 'an acknowledgement accepts a warning the definition actually raises; one that accepts nothing is stale',
    sources: [S.cdkNagSuppressions, S.checkovSuppressions],
    severity: 'warning',
  },
  unsafeCharacters: {
    id: 'SAKS-INPUT-002',
    statement: 'names, hosts, labels, tags, namespaces and free text contain no control, bidirectional-override or zero-width characters',
    sources: [S.unicodeSecurity, S.trojanSource],
    severity: 'error',
  },
  definitionUndecided: {
    id: 'SAKS-INPUT-003',
    statement:
      'every value of a definition builds a payload the rules can decide on: the library writes the template from the definition, so a value it cannot read back (an expression, a name that breaks a resource id) is refused, never passed',
    sources: [S.managedClustersRestApi, S.armResourceIds],
    severity: 'error',
  },
  authorizedRangesWithPrivateCluster: {
    id: 'SAKS-API-001',
    statement: 'authorized IP ranges cannot be combined with a private cluster; they apply only to a public API server',
    sources: [S.authorizedIpRanges, S.privateClusters, S.eksToAksPrivateClusters],
    citation: 'Microsoft Learn, API server authorized IP ranges: "You can\'t use this feature with private clusters"',
    severity: 'error',
  },
  authorizedRangesLimit: {
    id: 'SAKS-API-002',
    statement: `at most ${AUTHORIZED_RANGE_LIMIT} authorized IP ranges, or ${withThousandsSeparator(AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION)} with API Server VNet Integration`,
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
      'a public API server is limited to authorized IP ranges; an empty list, a /0 range, or ranges that together cover every address leave it open to the whole internet',
    sources: [S.authorizedIpRanges, S.eksToAksPrivateClusters],
    severity: 'error',
  },
  publicUnrestricted: {
    id: 'SAKS-API-006',
    statement: 'the API server is reachable from the whole internet (explicit opt-in)',
    sources: [S.authorizedIpRanges, S.eksToAksPrivateClusters],
    severity: 'warning',
  },
  apiServerPublicEndpoint: {
    id: 'SAKS-API-007',
    statement: 'the API server has a public endpoint (the cluster is not private), even where authorized IP ranges limit who reaches it',
    sources: [S.privateClusters, S.authorizedIpRanges],
    severity: 'info',
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
    statement: `the API Server VNet Integration subnet is at least /${API_SERVER_SUBNET_MAX_PREFIX}`,
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
      'a node pool name is 1 to 12 (Windows: 6) lowercase letters and digits starting with a letter, unique in the cluster; a pool has at least 1 node, in zones 1, 2 or 3',
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
  acnsNeedsAzurePlugin: {
    id: 'SAKS-ENC-001',
    statement: 'ACNS WireGuard needs networkPlugin azure (Azure CNI powered by Cilium)',
    sources: [S.ciliumDataplane, S.wireGuardHowTo],
    severity: 'error',
  },
  ciliumNeedsOverlayOrPodSubnet: {
    id: 'SAKS-ENC-002',
    statement: 'the Cilium dataplane needs Azure CNI Overlay or Azure CNI with a pod subnet',
    sources: [S.ciliumDataplane, S.terraformAzurermAksMain],
    severity: 'error',
  },
  acnsNeedsCilium: {
    id: 'SAKS-ENC-003',
    statement: 'ACNS container network security (WireGuard, FQDN and L7 policy) works only on the Cilium dataplane',
    sources: [S.acnsOverview, S.wireGuardConcepts],
    severity: 'error',
  },
  ciliumDataplaneNeedsCiliumPolicy: {
    id: 'SAKS-ENC-004',
    statement: 'the Cilium dataplane requires networkPolicy cilium, and networkPolicy cilium requires the Cilium dataplane',
    sources: [S.ciliumDataplane, S.managedClustersRestApi],
    citation: 'resource provider error CiliumDataplaneRequiresNetworkPolicyCilium',
    severity: 'error',
  },
  wireGuardNotFips: {
    id: 'SAKS-ENC-005',
    statement: 'WireGuard is not FIPS compliant: it cannot be the transit encryption of a cluster with FIPS-enabled node pools',
    sources: [S.wireGuardConcepts, S.fipsNodePools],
    severity: 'error',
  },
  ciliumLinuxOnly: {
    id: 'SAKS-ENC-006',
    statement: 'the Cilium dataplane supports Linux node pools only',
    sources: [S.ciliumDataplane],
    severity: 'error',
  },
  acnsKubernetesVersion: {
    id: 'SAKS-ENC-007',
    statement: `ACNS container network security needs Kubernetes ${ACNS_MIN_KUBERNETES.join('.')} or later`,
    sources: [S.ciliumDataplane, S.acnsOverview],
    severity: 'error',
  },
  calicoWireGuardNetwork: {
    id: 'SAKS-ENC-008',
    statement:
      'Calico WireGuard needs networkPlugin azure with networkPolicy calico, and cannot be combined with the Cilium dataplane',
    sources: [S.calicoWireGuard, S.calicoWireGuardOnAks, S.networkPolicies],
    severity: 'error',
  },
  calicoUnsupportedByMicrosoft: {
    id: 'SAKS-ENC-009',
    statement:
      'Microsoft supports Calico on AKS for network policy only; Calico WireGuard is supported by the Calico project, not by Azure support',
    sources: [S.networkPolicies],
    severity: 'warning',
  },
  vnetEncryptionWithVnetIntegration: {
    id: 'SAKS-ENC-010',
    statement:
      'Azure virtual network encryption does not work with API Server VNet Integration (blocked on v4+ node SKUs, unencrypted on older ones)',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  vnetEncryptionVmSize: {
    id: 'SAKS-ENC-011',
    statement: `Azure virtual network encryption needs VM sizes of the supported series (${Object.keys(VNET_ENCRYPTION_SERIES).join(', ')}) with accelerated networking`,
    sources: [S.vnetEncryption],
    severity: 'error',
  },
  vnetEncryptionExistingNetwork: {
    id: 'SAKS-ENC-012',
    statement: 'virtual network encryption is a property of the virtual network; on a network brought by id it must be enabled by its owner',
    sources: [S.vnetEncryption],
    severity: 'warning',
  },
  calicoFelixNotDeployed: {
    id: 'SAKS-ENC-016',
    statement:
      'Calico WireGuard is on only when the FelixConfiguration "default" with wireguardEnabled: true is applied to the cluster in the same deployment; otherwise pod traffic is reported NOT encrypted',
    sources: [S.calicoWireGuard, S.calicoWireGuardOnAks],
    severity: 'warning',
  },
  transitEncryptionNone: {
    id: 'SAKS-ENC-013',
    statement: 'pod traffic between nodes is not encrypted: neither WireGuard (ACNS or Calico) nor virtual network encryption',
    sources: [S.wireGuardConcepts],
    severity: 'warning',
  },
  calicoWireGuardSettings: {
    id: 'SAKS-ENC-014',
    statement: `Calico WireGuard ports are 1 to 65535; its MTU is ${CALICO_WIREGUARD_MTU.min} to ${CALICO_WIREGUARD_MTU.max} (IPv6 ${CALICO_WIREGUARD_MTU.minV6} to ${CALICO_WIREGUARD_MTU.maxV6}): Azure's 1500-byte MTU less AKS's 100 and WireGuard's 60 (IPv6 80) bytes`,
    sources: [S.calicoWireGuard, S.calicoMtu],
    severity: 'error',
  },
  vnetEncryptionCiliumPodSubnet: {
    id: 'SAKS-ENC-015',
    statement:
      'AKS supports virtual network encryption only for the pod networking of its "supported scenarios"; Cilium with a pod subnet is reported as unsupported',
    sources: [S.vnetEncryption, S.vnetEncryptionAksIssue],
    severity: 'warning',
  },
  vnetEncryptionOnly: {
    id: 'SAKS-ENC-020',
    statement: 'pod traffic between nodes is encrypted by virtual network encryption only, which does not encrypt traffic between VMs on the same physical host',
    sources: [S.vnetEncryption, S.wireGuardConcepts],
    severity: 'info',
  },
  reservedRanges: {
    id: 'SAKS-NET-007',
    statement: `the cluster network, pod CIDR and service CIDR do not overlap the ranges AKS reserves (${AKS_RESERVED_RANGES.join(', ')})`,
    sources: [S.ipAddressPlanning, S.azureCniOverlay],
    severity: 'error',
  },
  serviceCidrSize: {
    id: 'SAKS-NET-008',
    statement: `the service CIDR is at most a /${SERVICE_CIDR_MIN_PREFIX} (the largest IPv4 service range kube-apiserver accepts)`,
    sources: [S.kubeApiserver, S.ipAddressPlanning],
    severity: 'error',
  },
  podCidrCapacity: {
    id: 'SAKS-NET-009',
    statement: `the pod CIDR holds every node with its upgrade surge (${DEFAULT_MAX_SURGE_PERCENT}%, at least one): each node takes a /${POD_CIDR_PREFIX_PER_NODE} with Azure CNI Overlay and kubenet`,
    sources: [S.azureCniOverlay, S.ipAddressPlanning, S.upgradeSurge],
    severity: 'error',
  },
  nodeSubnetCapacity: {
    id: 'SAKS-NET-010',
    statement: `the node subnet (and the pod subnet) holds every node with its upgrade surge: one address per node, or maxPods + 1 with Azure CNI on the node subnet, and maxPods per node in a pod subnet; Azure keeps ${AZURE_SUBNET_RESERVED_ADDRESSES} addresses of every subnet`,
    sources: [S.ipAddressPlanning, S.upgradeSurge, S.vnetFaq],
    severity: 'error',
  },
  podSubnet: {
    id: 'SAKS-NET-006',
    statement: 'Azure CNI with a pod subnet needs a pod subnet in the cluster network, and a pod subnet is used only with that mode',
    sources: [S.managedClustersRestApi],
    severity: 'error',
  },
  tags: {
    id: 'SAKS-NAME-005',
    statement: 'a tag name is 1 to 512 characters without < > % & \\ ? /; a tag value is at most 256 characters (control characters: SAKS-INPUT-002)',
    sources: [S.tags],
    severity: 'error',
  },
  location: {
    id: 'SAKS-NAME-006',
    statement: 'a location is an Azure region name: lowercase letters and digits, e.g. westeurope',
    sources: [S.regions],
    severity: 'error',
  },
  unknownRegion: {
    id: 'SAKS-NAME-008',
    statement: 'a location is a known Azure region (a name that is none of them is reported with the nearest one)',
    sources: [S.regions],
    severity: 'warning',
  },
  choice: {
    id: 'SAKS-NAME-007',
    statement: 'a setting with documented choices takes one of them (a VM size is Standard_<size>)',
    sources: [S.managedClustersRestApi],
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
    severity: 'info',
  },
  meshHost: {
    id: 'SAKS-MESH-001',
    statement: 'a cross-cluster service host is a lowercase DNS name (RFC 1123), at most 253 characters, labels of at most 63, no wildcard',
    sources: [S.kubernetesNames, S.istioEgressTlsOrigination],
    severity: 'error',
  },
  meshPort: {
    id: 'SAKS-MESH-002',
    statement: `a port is 1 to 65535 and not one Istio reserves for its proxies (${ISTIO_RESERVED_PORTS.join(', ')})`,
    sources: [S.istioPorts],
    severity: 'error',
  },
  meshNameCollision: {
    id: 'SAKS-MESH-003',
    statement: 'services of one gateway pair have unique names and hosts, and each gateway port is used by one service only',
    sources: [S.istioAnalyzerMessages],
    severity: 'error',
  },
  meshCredentialName: {
    id: 'SAKS-MESH-004',
    statement:
      'a credential secret name is a DNS subdomain that does not end with -cacert, does not start with istio or prometheus, and is not a mesh CA secret (cacerts, istio-ca-secret)',
    sources: [S.istioSecureIngress, S.istioEgressTlsOrigination],
    severity: 'error',
  },
  meshExistingSecretsNamed: {
    id: 'SAKS-MESH-005',
    statement: 'with existing secrets, every service names its client and server credential secrets',
    sources: [S.istioEgressTlsOrigination],
    severity: 'error',
  },
  meshKubernetesName: {
    id: 'SAKS-MESH-006',
    statement: 'names and namespaces are DNS labels: lowercase letters, digits and "-", at most 63 characters, starting and ending with a letter or digit',
    sources: [S.kubernetesNames],
    severity: 'error',
  },
  meshEgressLockdownNamespaces: {
    id: 'SAKS-MESH-007',
    statement:
      'the egress lockdown NetworkPolicy needs the client namespaces: Istio alone cannot force traffic through the egress gateway',
    sources: [S.istioEgressGateway],
    severity: 'error',
  },
  meshEgressLockdownOff: {
    id: 'SAKS-MESH-008',
    statement: 'without the egress lockdown, client workloads can bypass the egress gateway and reach the service directly',
    sources: [S.istioEgressGateway],
    severity: 'warning',
  },
  meshCidr: {
    id: 'SAKS-MESH-009',
    statement: 'server network CIDRs of the egress lockdown are IPv4 CIDR blocks without host bits, and addresses are IPv4 addresses',
    sources: [S.istioEgressGateway],
    severity: 'error',
  },
  meshAnalyzer: {
    id: 'SAKS-MESH-010',
    statement:
      'the Istio configuration of a cluster passes the checks of istioctl analyze that apply to it (references, hosts, ports, TLS settings, credentials in the gateway namespace), the user\'s own objects included',
    sources: [S.istioAnalyzerMessages, S.istioDestinationRule],
    severity: 'error',
  },
  deploymentCollision: {
    id: 'SAKS-MESH-011',
    statement:
      'objects applied to one cluster by different charts or links do not collide: one owner for each kind, namespace and name, each port of a gateway Service, each certificate secret, and one protocol per gateway port',
    sources: [S.kubernetesNames, S.istioAnalyzerMessages],
    severity: 'error',
  },
  linkContract: {
    id: 'SAKS-MESH-012',
    statement:
      'both sides of a cross-cluster link are built from one definition: a client side built elsewhere agrees with the link contract the server side wrote (hosts and SNI, gateway ports, Istio API version, customer CA issuer), and the contract is as written',
    sources: [S.istioEgressTlsOrigination, S.asmCrossClusterMtls],
    severity: 'error',
  },
  apiServerValidity: {
    id: 'SAKS-K8S-002',
    statement:
      'every object written is valid for the Kubernetes API server: names, namespaces and label values of the right form and length (derived names included), Service ports named as IANA service names of at most 15 characters and never empty, replicas a whole number, and admission policies whose CEL the API server compiles (it parses, no list or map literal mixes types, and each expression has the type its field requires), and no data object larger than etcd stores in one request (1.5 MiB)',
    sources: [S.kubernetesNames, S.kubernetesLabels, S.kubernetesCelEnvironment, S.etcdRequestLimit],
    severity: 'error',
  },
  meshHostOutsideCluster: {
    id: 'SAKS-MESH-013',
    statement: 'a cross-cluster service host is a fully qualified name outside the cluster domain (not cluster.local, not a bare name): the client cluster resolves it to the server\'s ingress gateway',
    sources: [S.istioEgressTlsOrigination, S.privateDnsZones],
    severity: 'error',
  },
  meshBackendClusterLocal: {
    id: 'SAKS-MESH-014',
    statement: 'a backend is a Service of the server cluster by its full cluster-local name, <service>.<namespace>.svc.cluster.local',
    sources: [S.kubernetesDnsForServices, S.istioSecureIngress],
    severity: 'error',
  },
  meshLockdownSparesGateways: {
    id: 'SAKS-MESH-015',
    statement: 'the egress lockdown never applies to the namespace of the egress gateway or of the mesh control plane (it would cut the gateway off from the server), and its server networks are narrower than 0.0.0.0/0 (NetworkPolicy except blocks must lie strictly inside their CIDR)',
    sources: [S.istioEgressGateway, S.kubernetesNetworkPolicy],
    severity: 'error',
  },
  meshVersion: {
    id: 'SAKS-MESH-016',
    statement: 'the Istio API version matches the mesh: networking.istio.io/v1 needs Istio 1.22 or later; an AKS Istio add-on revision is asm-1-<minor>; a pinned Istio version is <major>.<minor>.<patch>, and cert-manager\'s v<major>.<minor>.<patch>',
    sources: [S.istioV1Api, S.aksIstioAddonUpgrade],
    severity: 'error',
  },
  certificateLifetime: {
    id: 'SAKS-MESH-017',
    statement: 'certificate duration and renewBefore are Go durations (e.g. 2160h); the duration is at least 1h, renewBefore at least 5m and shorter than the duration',
    sources: [S.certManagerCertificate],
    severity: 'error',
  },
  issuerWellFormed: {
    id: 'SAKS-MESH-019',
    statement:
      'the customer CA issuer is well formed: names and secret names are Kubernetes names, an issuer group is an API group, ACME and Vault servers are https URLs, a Vault path is a PKI path and its mount path starts with /',
    sources: [S.certManagerIssuers, S.certManagerVault],
    severity: 'error',
  },
  meshLinkEmpty: {
    id: 'SAKS-MESH-018',
    statement: 'a link carries at least one service: a gateway pair without one writes gateways and Services without ports',
    sources: [S.istioEgressTlsOrigination, S.kubernetesNames],
    severity: 'error',
  },
  kubernetesSchema: {
    id: 'SAKS-K8S-001',
    statement: 'every Istio, cert-manager and Calico object is valid against the schema of its CRD, and every admission policy and binding against the Kubernetes OpenAPI of the oldest minor that serves them (1.30), with no unknown fields',
    sources: [S.istioAnalyzerMessages, S.certManagerCertificate, S.calicoWireGuard, S.validatingAdmissionPolicy],
    severity: 'error',
  },
  wireGuardLinuxOnly: {
    id: 'SAKS-ENC-019',
    statement: 'Calico WireGuard encrypts Linux nodes only (Calico for Windows does not support WireGuard): a Windows node pool would carry pod traffic unencrypted',
    sources: [S.calicoWindowsLimitations, S.calicoWireGuard],
    severity: 'error',
  },
  felixConfigurationForCalico: {
    id: 'SAKS-ENC-018',
    statement: 'a Calico FelixConfiguration is written only for a cluster whose transit encryption is Calico WireGuard',
    sources: [S.calicoWireGuard],
    severity: 'error',
  },
  hostNetworkUnencrypted: {
    id: 'SAKS-ENC-017',
    statement: 'a workload with hostNetwork: true is not covered by the cluster\'s transit encryption (ACNS WireGuard and virtual network encryption leave it unencrypted or partly so)',
    sources: [S.wireGuardConcepts, S.vnetEncryption],
    severity: 'error',
  },
  baselineMonitoringOff: {
    id: 'SAKS-BASE-001',
    statement: 'Microsoft Defender for Containers and Container Insights are off (no Log Analytics workspace)',
    sources: [S.defenderForContainers, S.checkovAzure],
    severity: 'warning',
  },
  baselineAzurePolicyOff: {
    id: 'SAKS-BASE-002',
    statement: 'the Azure Policy add-on is off: Azure Policy cannot audit or enforce pod security in the cluster',
    sources: [S.azurePolicyAks, S.checkovAzure],
    severity: 'warning',
  },
  baselineSecretsRotationOff: {
    id: 'SAKS-BASE-003',
    statement: 'the Key Vault Secrets Store CSI driver with secret rotation is off',
    sources: [S.keyVaultCsi, S.checkovAzure],
    severity: 'warning',
  },
  baselineAutoUpgradeOff: {
    id: 'SAKS-BASE-004',
    statement: 'automatic upgrades are off: security patches of Kubernetes or the node image are not applied',
    sources: [S.autoUpgrade, S.checkovAzure],
    severity: 'warning',
  },
  baselineHostEncryptionOff: {
    id: 'SAKS-BASE-005',
    statement: 'encryption at host is off: node temp disks and disk caches are not encrypted',
    sources: [S.hostEncryption, S.checkovAzure],
    severity: 'warning',
  },
  baselineSystemPoolShared: {
    id: 'SAKS-BASE-006',
    statement: 'application pods may run on the system pool (no CriticalAddonsOnly taint)',
    sources: [S.systemPools, S.checkovAzure],
    severity: 'warning',
  },
  baselineFreeTier: {
    id: 'SAKS-BASE-007',
    statement: 'the Free tier has no uptime SLA; production clusters use Standard or Premium',
    sources: [S.uptimeSla, S.checkovAzure],
    severity: 'warning',
  },
  baselineNoNetworkPolicy: {
    id: 'SAKS-BASE-008',
    statement: 'no network policy engine: Kubernetes NetworkPolicies are not enforced',
    sources: [S.networkPolicies, S.checkovAzure],
    severity: 'warning',
  },
  baselineAuditLogsOff: {
    id: 'SAKS-BASE-013',
    statement: 'the control-plane audit logs (kube-audit-admin, guard) are not collected: who did what on the API server is not recorded',
    sources: [S.aksResourceLogs, S.azurePolicyAks],
    severity: 'warning',
  },
  auditLogsDestination: {
    id: 'SAKS-LOG-001',
    statement: 'control-plane audit logs need a destination: the cluster\'s Log Analytics workspace, a storage account or an Event Hub',
    sources: [S.aksResourceLogs, S.diagnosticSettings],
    severity: 'error',
  },
  baselineNodeSsh: {
    id: 'SAKS-BASE-009',
    statement: 'the nodes accept SSH with a local user key',
    sources: [S.nodeSsh, S.azurePolicyAks],
    severity: 'warning',
  },
  baselineImageCleanerOff: {
    id: 'SAKS-BASE-010',
    statement: 'Image Cleaner is off: unused images with known vulnerabilities stay on the nodes',
    sources: [S.imageCleaner, S.azurePolicyAks],
    severity: 'warning',
  },
  imageCleanerInterval: {
    id: 'SAKS-BASE-011',
    statement: `Image Cleaner runs every ${IMAGE_CLEANER_INTERVAL_HOURS.min} to ${IMAGE_CLEANER_INTERVAL_HOURS.max} hours`,
    sources: [S.imageCleaner],
    severity: 'error',
  },
  baselineWorkloadIdentityOff: {
    id: 'SAKS-BASE-012',
    statement: 'workload identity is off: workloads that call Azure need stored secrets',
    sources: [S.workloadIdentity, S.azurePolicyAks],
    severity: 'warning',
  },
  baselineDeleteLocksOff: {
    id: 'SAKS-BASE-014',
    statement: 'no delete lock: the cluster and its network and log resources can be deleted by one mistaken call',
    sources: [S.resourceLocks],
    severity: 'warning',
  },
  kmsOff: {
    id: 'SAKS-BASE-015',
    statement: 'KMS etcd encryption is off: Kubernetes secrets in etcd are encrypted with platform-managed keys only (it needs a Key Vault key you bring)',
    sources: [S.kmsEtcd, S.azurePolicyAks],
    severity: 'info',
  },
  localAccountsEnabled: {
    id: 'SAKS-BASE-016',
    statement: 'local accounts are disabled (disableLocalAccounts): every access to the API server goes through Entra ID, so it is attributed and can be revoked',
    sources: [S.localAccounts],
    severity: 'error',
  },
  kubernetesRbacOff: {
    id: 'SAKS-BASE-017',
    statement: 'Kubernetes RBAC is on (enableRBAC), with Entra ID integration and Azure RBAC for Kubernetes authorization (aadProfile.managed, aadProfile.enableAzureRBAC)',
    sources: [S.entraIdAzureRbac],
    severity: 'error',
  },
  defenderOff: {
    id: 'SAKS-BASE-018',
    statement: 'Microsoft Defender for Containers is off (securityProfile.defender.securityMonitoring): threats at run time and vulnerable images are not reported',
    sources: [S.defenderForContainers],
    severity: 'info',
  },
  containerInsightsOff: {
    id: 'SAKS-BASE-019',
    statement: 'Container Insights is off (the omsagent add-on): container logs and metrics are not collected in Azure Monitor',
    sources: [S.containerInsights],
    severity: 'info',
  },
  ephemeralOsDiskOff: {
    id: 'SAKS-BASE-020',
    statement: 'a node pool whose VM size has a local temporary disk uses a managed OS disk, not an ephemeral one on that disk',
    sources: [S.ephemeralOsDisk, S.checkovAzure],
    severity: 'info',
  },
  podsPerNodeLow: {
    id: 'SAKS-BASE-021',
    statement: `a node pool allows fewer than ${MIN_PODS_PER_NODE} pods per node (maxPods)`,
    sources: [S.ipAddressPlanning, S.checkovAzure],
    severity: 'info',
  },
  runCommandOn: {
    id: 'SAKS-BASE-022',
    statement: 'run command is on (apiServerAccessProfile.disableRunCommand is not true): whoever holds its Azure role runs commands in the cluster through the Azure API',
    sources: [S.commandInvoke],
    severity: 'info',
  },
  diskKeysPlatformManaged: {
    id: 'SAKS-BASE-023',
    statement: 'OS and data disks are encrypted with platform-managed keys only: customer-managed keys need a disk encryption set you bring (diskEncryptionSetID)',
    sources: [S.customerManagedDiskKeys],
    severity: 'info',
  },
  kubernetesDashboardOn: {
    id: 'SAKS-BASE-024',
    statement: 'the Kubernetes dashboard add-on is on (addonProfiles.kubeDashboard)',
    sources: [S.kubernetesDashboard, S.checkovAzure],
    severity: 'warning',
  },
  servicePrincipalIdentity: {
    id: 'SAKS-ID-001',
    statement: 'the cluster authenticates to Azure with a managed identity, not a service principal and its client secret (servicePrincipalProfile)',
    sources: [S.managedIdentity],
    severity: 'error',
  },
  nodePublicIp: {
    id: 'SAKS-NET-011',
    statement: 'no node pool gives its nodes public IP addresses (enableNodePublicIP): nodes are reached only through the cluster\'s network',
    sources: [S.nodePublicIp, S.aksBaselineArchitecture],
    severity: 'error',
  },
  egressPublicIp: {
    id: 'SAKS-EGR-001',
    statement: 'the cluster has a public egress path of its own: the public IP of its load balancer or of a NAT gateway',
    sources: [S.outboundTypes, S.aksBaselineArchitecture],
    severity: 'info',
  },
  egressManagedNat: {
    id: 'SAKS-EGR-002',
    statement: 'an AKS-managed NAT gateway works only in a virtual network AKS manages; a cluster in your own network uses a NAT gateway you associate with its subnet (userAssignedNATGateway)',
    sources: [S.natGateway, S.outboundTypes],
    severity: 'error',
  },
  egressUdrRouteTable: {
    id: 'SAKS-EGR-003',
    statement: 'userDefinedRouting needs a route table on the node subnet whose 0.0.0.0/0 route goes to a virtual appliance: the library creates it from the firewall\'s private IP, or associates a route table you give with the subnets it creates (exactly one of the two); a brought subnet carries its own',
    sources: [S.egressUdr, S.outboundTypes],
    severity: 'error',
  },
  egressNextHop: {
    id: 'SAKS-EGR-004',
    statement: 'the default route\'s next hop is the private IPv4 address of a virtual appliance outside the cluster\'s own subnets',
    sources: [S.egressUdr, S.privateAddressSpace],
    severity: 'error',
  },
  egressNatGateway: {
    id: 'SAKS-EGR-005',
    statement: 'userAssignedNATGateway needs a NAT gateway on the node subnet: its Microsoft.Network/natGateways id for subnets the library creates; a brought subnet carries its own association',
    sources: [S.natGateway],
    severity: 'error',
  },
  egressRouteNotVerified: {
    id: 'SAKS-EGR-006',
    statement: 'the egress route is not verified offline: the route table or subnet is brought by id, and AKS checks its default route only when the cluster is created',
    sources: [S.egressUdr],
    severity: 'info',
  },
  networkIsolatedLimits: {
    id: 'SAKS-EGR-007',
    statement: `a network isolated cluster runs Kubernetes ${NETWORK_ISOLATED_MIN_KUBERNETES.join('.')} or later, no Windows node pools, the node OS upgrade channel ${NETWORK_ISOLATED_NODE_OS_CHANNELS.join(' or ')}, and an API server reached inside the network (private, or with API Server VNet Integration)`,
    sources: [S.networkIsolated, S.networkIsolatedHowTo],
    severity: 'error',
  },
  networkIsolatedRegistry: {
    id: 'SAKS-EGR-008',
    statement: 'a registry brought for a network isolated cluster is a Microsoft.ContainerRegistry/registries id, with a user-assigned kubelet identity (which gets AcrPull on it) and a user-assigned control plane identity',
    sources: [S.networkIsolatedHowTo],
    severity: 'error',
  },
  kmsKeyId: {
    id: 'SAKS-KMS-001',
    statement: 'the KMS key is a versioned Key Vault key identifier, https://<vault>.vault.azure.net/keys/<key>/<version>',
    sources: [S.kmsEtcd, S.keyVaultIdentifiers],
    severity: 'error',
  },
  kmsPrivateVault: {
    id: 'SAKS-KMS-002',
    statement: 'a private key vault needs its resource id (the vault of the key) and API Server VNet Integration; a vault id always names the key\'s vault',
    sources: [S.kmsEtcd],
    severity: 'error',
  },
  kmsIdentity: {
    id: 'SAKS-KMS-003',
    statement: 'KMS etcd encryption needs a user-assigned control plane identity: a system-assigned one does not exist until the cluster does, so it cannot be granted the key first',
    sources: [S.kmsEtcd],
    severity: 'error',
  },
  kmsRoleNotGranted: {
    id: 'SAKS-KMS-004',
    statement: 'the control plane identity\'s role on the KMS key is not granted by the library (no vault id): grant it Key Vault Crypto User on the key before deploying',
    sources: [S.kmsEtcd, S.keyVaultRbac],
    severity: 'info',
  },
  istioAddonRevision: {
    id: 'SAKS-MESH-020',
    statement: 'the AKS Istio add-on revision is one Microsoft publishes (asm-1-<minor>) and runs on the cluster\'s Kubernetes minor version',
    sources: [S.istioAddonSupport],
    severity: 'error',
  },
  istioAddonEgressGateway: {
    id: 'SAKS-MESH-022',
    statement: `an add-on egress gateway has a DNS name of 1 to ${AKS_ISTIO_EGRESS_NAME.maxLength} lowercase characters, unique in its namespace, and a StaticGatewayConfiguration name; at most ${AKS_ISTIO_EGRESS_GATEWAY_LIMIT} per cluster, and none on Azure CNI Pod Subnet`,
    sources: [S.istioAddonEgress],
    severity: 'error',
  },
  istioAddonExternalIngress: {
    id: 'SAKS-MESH-023',
    statement: 'the add-on\'s external ingress gateway puts a public load balancer in front of the mesh',
    sources: [S.istioAddonIngress],
    severity: 'warning',
  },
  istioAddonLink: {
    id: 'SAKS-MESH-024',
    statement: 'on the AKS Istio add-on, a link uses what the add-on provides: its shared ingress gateway serves only ports 80 and 443 (port configuration is not supported), and its egress gateways need Static Egress Gateway, which the library does not configure: use dedicated gateways for other ports and for egress',
    sources: [S.istioAddon, S.istioAddonEgress, S.istioAddonIngress],
    severity: 'error',
  },
  meshLinkObjectsKept: {
    id: 'SAKS-MESH-025',
    statement:
      'the Istio objects of a cross-cluster link keep the TLS modes, ports, hosts, SNI and credentials of its definition: in its charts as synthesized (JSON patches included) and, through the link\'s ValidatingAdmissionPolicy, in the cluster after deployment; no other DestinationRule configures traffic to the link\'s hosts',
    sources: [S.istioEgressTlsOrigination, S.validatingAdmissionPolicy],
    severity: 'error',
  },
  meshLinkBackendStrictMtls: {
    id: 'SAKS-MESH-026',
    statement:
      'the backend of each service of a cross-cluster link accepts only mutual TLS where the definition requires it (the default): the link writes a STRICT PeerAuthentication for it (its workload labels, or its whole namespace), and no PeerAuthentication that can select it is PERMISSIVE, DISABLE or UNSET at any port: in its charts as synthesized and, through the link\'s ValidatingAdmissionPolicy, in the cluster after deployment',
    sources: [S.istioPeerAuthentication, S.istioPeerAuthenticationConcepts, S.validatingAdmissionPolicy],
    severity: 'error',
  },
  meshLinkBackendMtlsUnset: {
    id: 'SAKS-MESH-027',
    statement:
      'a backend left out of STRICT mutual TLS (mtlsMode UNSET, for a backend that cannot run a sidecar) gets no PeerAuthentication from the link: the hop from the ingress gateway to it is not encrypted by the link',
    sources: [S.istioPeerAuthentication, S.istioPeerAuthenticationConcepts],
    severity: 'warning',
  },
  federationNeedsIssuer: {
    id: 'SAKS-WID-001',
    statement: 'a federated identity needs the cluster\'s OIDC issuer and workload identity',
    sources: [S.workloadIdentityFederation, S.oidcIssuer],
    severity: 'error',
  },
  federatedIdentity: {
    id: 'SAKS-WID-002',
    statement: `a federated identity credential has a name of 3 to 120 letters, digits, "-" and "_", unique on its identity; at most ${FEDERATED_CREDENTIALS_PER_IDENTITY} per identity, one per service account; the identity is a user-assigned identity by resource id with its client id, and the service account a Kubernetes name in a namespace`,
    sources: [S.workloadIdentityFederation, S.federatedCredentialLimits, S.kubernetesNames],
    severity: 'error',
  },
  platformAddressOverlap: {
    id: 'SAKS-PLAT-001',
    statement: 'the address spaces of peered virtual networks do not overlap',
    sources: [S.vnetPeering],
    severity: 'error',
  },
  platformAddressSize: {
    id: 'SAKS-PLAT-002',
    statement: 'a platform cluster\'s address space is an IPv4 block of /19 or larger (a /20 node subnet and a /28 API server subnet)',
    sources: [S.apiServerVnetIntegration],
    severity: 'error',
  },
  platformServiceZone: {
    id: 'SAKS-PLAT-003',
    statement: 'a cross-cluster service host has a parent domain for its private DNS zone, outside cluster.local',
    sources: [S.privateDnsZones],
    severity: 'error',
  },
  platformClusterNames: {
    id: 'SAKS-PLAT-004',
    statement: 'the two clusters of a platform have different names',
    sources: [S.resourceNameRules],
    severity: 'error',
  },
  estateClusterNames: {
    id: 'SAKS-EST-001',
    statement: 'the clusters of an estate have different names, and its links different names',
    sources: [S.resourceNameRules],
    severity: 'error',
  },
  estateAddressOverlap: {
    id: 'SAKS-EST-002',
    statement: 'no two networks of an estate that are peered or routed together (the hub and every spoke) have overlapping address spaces',
    sources: [S.vnetPeering, S.hubSpokeTopology],
    severity: 'error',
  },
  estateLinkClusters: {
    id: 'SAKS-EST-003',
    statement: 'a link\'s client and server are two different clusters of the estate',
    sources: [S.istioEgressGateway],
    severity: 'error',
  },
  estateReachability: {
    id: 'SAKS-EST-004',
    statement: 'the clusters of a link reach each other: their spokes are peered, or both send their traffic through the hub firewall (spokes peered only with the hub have no route to each other otherwise)',
    sources: [S.hubSpokeSpokeToSpoke, S.vnetPeering],
    severity: 'error',
  },
  estateCollisions: {
    id: 'SAKS-EST-005',
    statement: 'links that share a cluster do not collide there: no object, Service port, gateway port, certificate secret or ingress load balancer address is given twice differently',
    sources: [S.istioGatewayInjection, S.kubernetesNames],
    severity: 'error',
  },
  estateServiceDns: {
    id: 'SAKS-EST-006',
    statement: 'every service host has one private DNS A record, to the ingress gateway of its server, in a zone linked to the network of every client cluster that dials it',
    sources: [S.privateDnsZones, S.istioEgressTlsOrigination],
    severity: 'error',
  },
  estateSpokePeeringNotVerified: {
    id: 'SAKS-EST-007',
    statement: 'the peering of a spoke brought by id with the hub is not verified offline: it is the network team\'s, and the estate\'s reachability and DNS depend on it',
    sources: [S.vnetPeering, S.hubSpokeTopology],
    severity: 'warning',
  },
  gitOpsSourceTransport: {
    id: 'SAKS-GIT-001',
    statement: 'a GitOps source, and a Helm chart mirror, is fetched over an encrypted transport: oci://, https:// or ssh://',
    sources: [S.gitOpsFlux, S.fluxOciRepository],
    severity: 'error',
  },
  gitOpsIsolatedSource: {
    id: 'SAKS-GIT-002',
    statement: 'a network-isolated cluster (outbound type none) pulls its GitOps tree and its Helm charts from Azure Container Registry (OCI), reached through its private endpoint',
    sources: [S.networkIsolated, S.acrPrivateLink],
    severity: 'error',
  },
  gitOpsWorkloadIdentity: {
    id: 'SAKS-GIT-003',
    statement: 'a cluster whose Flux pulls with a workload identity has the OIDC issuer and workload identity enabled',
    sources: [S.gitOpsFluxTutorial, S.workloadIdentity],
    severity: 'error',
  },
  gitOpsFluxSchema: {
    id: 'SAKS-GIT-004',
    statement: 'every Flux object of a GitOps tree is valid against the CRD of the Flux release the extension runs',
    sources: [S.fluxHelmReleases],
    severity: 'error',
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
  dataplaneOneWay: {
    id: 'SAKS-UPD-005',
    statement: 'the Cilium dataplane cannot be changed back to the Azure dataplane',
    sources: [S.ciliumDataplane],
    severity: 'error',
  },
  oidcIssuerOneWay: {
    id: 'SAKS-UPD-006',
    statement: 'the OIDC issuer cannot be turned off once it is on',
    sources: [S.oidcIssuer],
    severity: 'error',
  },
  kmsNetworkAccessChange: {
    id: 'SAKS-UPD-007',
    statement: 'with KMS on, the key vault\'s network access (public or private) cannot change: KMS is turned off and on again with the new mode',
    sources: [S.kmsEtcd],
    severity: 'error',
  },
  publicToPrivate: {
    id: 'SAKS-UPD-004',
    statement: 'a public cluster becomes private in place only with API Server VNet Integration',
    sources: [S.privateClusters, S.apiServerVnetIntegration, S.eksToAksPrivateClusters],
    severity: 'error',
  },
  definitionLoad: {
    id: 'SAKS-LOAD-001',
    statement: 'the definition file loads: it compiles and its module runs without throwing',
    sources: [S.esbuildTypeScript, S.nodeModules],
    severity: 'error',
  },
  // --- estates and GitOps: identities, address plans, sources, supported combinations
  estateAzureIds: {
    id: 'SAKS-EST-008',
    statement:
      'every Azure resource of an estate has its own resource id across all its templates: a name Azure or Entra scopes to a parent (a federated credential on its identity, a role assignment or lock on its scope, the Flux extension and configuration on a cluster, a nested deployment in its resource group) is unique under that parent',
    sources: [S.armResourceIds, S.federatedCredentialLimits],
    severity: 'error',
  },
  estateFederatedCredentials: {
    id: 'SAKS-EST-009',
    statement: `the federated credentials the whole estate writes on one identity are at most ${FEDERATED_CREDENTIALS_PER_IDENTITY} and are created one after another (Entra refuses concurrent writes to one identity)`,
    sources: [S.federatedCredentialLimits, S.armDependsOn],
    severity: 'error',
  },
  estateKubernetesRanges: {
    id: 'SAKS-EST-010',
    statement:
      'a cluster\'s service CIDR, DNS service IP and overlay pod CIDR overlap no network the cluster reaches: its own spoke, the hub, every other spoke of the estate and the networks the estate declares as connected (on-premises, other peered networks)',
    sources: [S.ipAddressPlanning, S.azureCniOverlayPlanning],
    severity: 'error',
  },
  estateInternalLoadBalancerAddress: {
    id: 'SAKS-EST-011',
    statement: 'the address of an internal load balancer (a link\'s ingress gateway) is a usable private address of the subnet it is created in',
    sources: [S.internalLoadBalancer, S.vnetFaq],
    severity: 'error',
  },
  gitOpsUrlCredentials: {
    id: 'SAKS-GIT-005',
    statement: 'a GitOps source URL carries no credentials (no user information in an https:// or oci:// URL, no password in an ssh:// URL): credentials come from a Secret reference or the configuration\'s protected settings',
    sources: [S.gitOpsFlux, S.fluxConfigurationsRestApi, S.gitUrls],
    severity: 'error',
  },
  gitOpsBranchName: {
    id: 'SAKS-GIT-006',
    statement: 'a Git branch is a name git accepts as a branch (git check-ref-format --branch): not empty, no "..", "@{", space, control character or any of ~ ^ : ? * [ \\, no component starting with "." or ending with ".lock", not starting with "-" or "/", not ending with "/" or "."',
    sources: [S.gitCheckRefFormat],
    severity: 'error',
  },
  gitOpsOciReference: {
    id: 'SAKS-GIT-007',
    statement:
      'an OCI source is oci://<registry>/<repository> with the repository in the distribution spec\'s grammar (lower-case path components), and its tag ([a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}) or digest (<algorithm>:<hex>) in their own fields, never inside the URL',
    sources: [S.ociDistributionSpec, S.fluxOciRepository],
    severity: 'error',
  },
  gitOpsAzureProvider: {
    id: 'SAKS-GIT-008',
    statement: 'Flux pulls with the Azure provider (workload identity) only from an Azure Container Registry: a host ending in .azurecr.io, or a sovereign cloud\'s .azurecr.cn or .azurecr.us',
    sources: [S.fluxOciAzureProvider, S.gitOpsFluxTutorial],
    severity: 'error',
  },
  gitOpsNetworkIsolated: {
    id: 'SAKS-GIT-009',
    statement: 'a network-isolated cluster (outbound type none) gets no GitOps (Flux) extension: Microsoft lists it among the features network isolated clusters do not support; deliver its objects with Pulumi from a network that reaches its API server',
    sources: [S.networkIsolated],
    severity: 'error',
  },
  networkIsolatedUnsupported: {
    id: 'SAKS-EGR-009',
    statement: 'a network-isolated cluster (outbound type none) uses none of the features Microsoft lists as unsupported there: no kubenet network plugin, no GitOps (Flux) extension',
    sources: [S.networkIsolated],
    severity: 'error',
  },
  supportEnding: {
    id: 'SAKS-VER-001',
    statement: `no version the cluster runs or the library installs (AKS Kubernetes, the AKS Istio add-on revision, Istio, cert-manager, Calico, the Flux extension, a preview ARM API version) reaches the end of its owner's support within ${SUPPORT_WARNING_DAYS} days of the evaluation date: plan the upgrade`,
    sources: [S.aksKubernetesCalendar, S.istioAddonCalendar, S.istioSupportedReleases, S.certManagerReleases, S.calicoSupportedVersions, S.fluxExtensionReleaseNotes, S.azurePreviewApiVersions],
    severity: 'warning',
  },
  supportEnded: {
    id: 'SAKS-VER-002',
    statement: "no version the cluster runs or the library installs is past the end of its owner's support on the evaluation date: an unsupported version gets no security patches",
    sources: [S.aksKubernetesCalendar, S.istioAddonCalendar, S.istioSupportedReleases, S.certManagerReleases, S.calicoSupportedVersions, S.fluxExtensionReleaseNotes, S.azurePreviewApiVersions],
    severity: 'error',
  },
  evaluationDate: {
    id: 'SAKS-VER-003',
    statement: 'the evaluation date of the support windows is a calendar date written YYYY-MM-DD (UTC)',
    sources: [S.aksKubernetesCalendar],
    citation: 'ISO 8601 calendar date, extended format',
    severity: 'error',
  },
  securityFixPublished: {
    id: 'SAKS-VER-004',
    statement:
      'no version the library installs (Istio: a platform\'s or estate\'s pin, or the library\'s default) is older than the first patch of its release line that fixes a security advisory its owner published on or before the evaluation date: an installation without a published fix stays exposed to a known vulnerability',
    sources: [S.istioSecurityBulletins],
    severity: 'error',
  },
  driftFromApproved: {
    id: 'SAKS-DRIFT-001',
    statement:
      'a live cluster, its node pools and the resources deployed beside it keep every value their approved template sets (read-only members and what the template leaves unset aside), and its Kubernetes objects keep the approved TLS modes, ports, hosts, mTLS mode and WireGuard setting',
    sources: [S.armWhatIf, S.managedClustersGet],
    severity: 'error',
  },
  unmanagedCluster: {
    id: 'SAKS-DRIFT-002',
    statement: 'every cluster in the live estate is described by an approved template (a cluster no template describes is unmanaged)',
    sources: [S.resourceGraphOverview, S.armWhatIf],
    severity: 'warning',
  },
} as const satisfies Record<string, Rule>;

/**
 * Every rule, in catalog order.
 * @category Validation
 */
export const ALL_RULES: readonly Rule[] = Object.values(Rules);
