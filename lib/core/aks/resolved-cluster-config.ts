import { ApiServerAccess } from './api-server-access';
import { ClusterMonitoring } from './cluster-monitoring';
import { ClusterIdentity } from './cluster-identity';
import { ClusterNetwork } from './cluster-network';
import { TransitEncryption } from '../encryption/transit-encryption';
import { HardenedClusterProps } from './hardened-cluster-props';
import { AKS_ISTIO_EGRESS_NAMESPACE, IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS } from './aks-limits';
import { FederatedIdentityProps } from './federated-identity';
import { OutboundType } from './outbound-type';
import { PodNetworking } from './pod-networking';

/**
 * {@link HardenedClusterProps} with every default applied. Defaults live here only.
 * @category Clusters
 */
export interface ResolvedClusterConfig {
  readonly name: string;
  readonly location: string;
  readonly apiServerAccess: ApiServerAccess;
  readonly network: ClusterNetwork;
  readonly identity: ClusterIdentity;
  readonly kubernetesVersion?: string;
  readonly dnsPrefix?: string;
  readonly fqdnSubdomain?: string;
  readonly systemPool: ResolvedNodePool;
  readonly userNodePools: readonly ResolvedNodePool[];
  readonly podNetworking: PodNetworking;
  readonly transitEncryption: TransitEncryption;
  /** Undefined only with a bring-your-own CNI. */
  readonly networkDataplane: 'azure' | 'cilium' | undefined;
  readonly networkPolicy: 'cilium' | 'calico' | 'azure' | 'none';
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  readonly adminGroupObjectIds: readonly string[];
  readonly tier: 'Free' | 'Standard' | 'Premium';
  readonly tags: Readonly<Record<string, string>>;
  readonly monitoring: ClusterMonitoring;
  readonly autoUpgrade: NonNullable<HardenedClusterProps['autoUpgrade']>;
  readonly azurePolicy: boolean;
  readonly keyVaultSecretsProvider: boolean;
  readonly encryptionAtHost: boolean;
  readonly diskEncryptionSetId?: string;
  readonly nodeSshAccess: 'Disabled' | 'EntraId' | 'LocalUser';
  readonly imageCleaner: { readonly enabled: boolean; readonly intervalHours: number };
  readonly workloadIdentity: boolean;
  readonly auditLogs: {
    readonly enabled: boolean;
    readonly categories: readonly string[];
    readonly storageAccountId?: string;
    readonly eventHub?: { readonly authorizationRuleId: string; readonly name?: string };
  };
  readonly federatedIdentities: readonly FederatedIdentityProps[];
  readonly outboundType: OutboundType;
  readonly kms?: { readonly keyId: string; readonly keyVaultNetworkAccess: 'Public' | 'Private'; readonly keyVaultResourceId?: string };
  readonly istioAddon?: {
    readonly revision: string;
    readonly internalIngressGateway: boolean;
    readonly externalIngressGateway: boolean;
    readonly egressGateways: readonly { readonly name: string; readonly namespace: string; readonly gatewayConfigurationName: string }[];
  };
  readonly deleteLocks: boolean;
}

/**
 * A node pool with defaults applied.
 * @category Clusters
 */
export interface ResolvedNodePool {
  readonly name: string;
  readonly mode: 'System' | 'User';
  readonly vmSize: string;
  readonly count: number;
  readonly availabilityZones: readonly string[];
  readonly osType: 'Linux' | 'Windows';
  readonly osSku: 'AzureLinux' | 'Ubuntu' | undefined;
  readonly enableFips: boolean;
  readonly nodeTaints: readonly string[];
}

/**
 * Applies the defaults: the most locked-down configuration that works.
 * @category Clusters
 */
export function resolveClusterConfig(props: HardenedClusterProps): ResolvedClusterConfig {
  const pool = props.systemPool ?? {};
  const transitEncryption = props.transitEncryption ?? TransitEncryption.acnsWireGuard();
  const podNetworking = props.podNetworking ?? PodNetworking.azureCniOverlay();
  const networkDataplane =
    props.networkDataplane ?? defaultDataplane(podNetworking, transitEncryption);
  return {
    name: props.name,
    location: props.location,
    apiServerAccess: props.apiServerAccess ?? ApiServerAccess.private(),
    network: props.network ?? ClusterNetwork.create(),
    identity: props.identity ?? ClusterIdentity.create(),
    kubernetesVersion: props.kubernetesVersion,
    // dnsPrefix and fqdnSubdomain are mutually exclusive: default the prefix only without a subdomain.
    dnsPrefix: props.dnsPrefix ?? (props.fqdnSubdomain === undefined ? props.name : undefined),
    fqdnSubdomain: props.fqdnSubdomain,
    systemPool: {
      name: pool.name ?? 'system',
      mode: 'System',
      vmSize: pool.vmSize ?? 'Standard_D4ds_v5',
      count: pool.count ?? 3,
      availabilityZones: pool.availabilityZones ?? ['1', '2', '3'],
      osType: 'Linux',
      osSku: pool.osSku ?? 'AzureLinux',
      enableFips: pool.enableFips ?? false,
      // Only critical add-ons on the system pool (https://learn.microsoft.com/azure/aks/use-system-pools).
      nodeTaints: (pool.onlyCriticalAddons ?? true) ? ['CriticalAddonsOnly=true:NoSchedule'] : [],
    },
    userNodePools: userPools(props).map((p) => ({
      name: p.name,
      mode: 'User',
      vmSize: p.vmSize ?? 'Standard_D4ds_v5',
      count: p.count ?? 3,
      availabilityZones: p.availabilityZones ?? ['1', '2', '3'],
      osType: p.osType ?? 'Linux',
      osSku: (p.osType ?? 'Linux') === 'Linux' ? 'AzureLinux' : undefined,
      enableFips: p.enableFips ?? false,
      nodeTaints: [],
    })),
    podNetworking,
    transitEncryption,
    networkDataplane,
    networkPolicy: props.networkPolicy ?? defaultPolicy(podNetworking, transitEncryption, networkDataplane),
    serviceCidr: props.serviceCidr ?? '10.0.0.0/16',
    dnsServiceIp: props.dnsServiceIp ?? '10.0.0.10',
    adminGroupObjectIds: props.adminGroupObjectIds ?? [],
    tier: props.tier ?? 'Standard',
    tags: props.tags ?? {},
    monitoring: props.monitoring ?? ClusterMonitoring.createWorkspace(),
    autoUpgrade: props.autoUpgrade ?? { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
    azurePolicy: props.azurePolicy ?? true,
    keyVaultSecretsProvider: props.keyVaultSecretsProvider ?? true,
    encryptionAtHost: props.encryptionAtHost ?? true,
    diskEncryptionSetId: props.diskEncryptionSetId,
    nodeSshAccess: props.nodeSshAccess ?? 'Disabled',
    imageCleaner: { enabled: props.imageCleaner?.enabled ?? true, intervalHours: props.imageCleaner?.intervalHours ?? IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS },
    workloadIdentity: props.workloadIdentity ?? true,
    auditLogs: {
      enabled: props.auditLogs?.enabled ?? true,
      // The audit log without get and list (far smaller), and Entra ID authentication (guard).
      categories: props.auditLogs?.categories ?? ['kube-audit-admin', 'guard'],
      storageAccountId: props.auditLogs?.storageAccountId,
      eventHub: props.auditLogs?.eventHub,
    },
    federatedIdentities: props.federatedIdentities ?? [],
    outboundType: props.outboundType ?? OutboundType.loadBalancer(),
    kms: props.kms && { ...props.kms, keyVaultNetworkAccess: props.kms.keyVaultNetworkAccess ?? 'Public' },
    istioAddon: props.istioAddon && {
      revision: props.istioAddon.revision,
      internalIngressGateway: props.istioAddon.internalIngressGateway ?? true,
      externalIngressGateway: props.istioAddon.externalIngressGateway ?? false,
      egressGateways: (props.istioAddon.egressGateways ?? []).map((g) => ({ ...g, namespace: g.namespace ?? AKS_ISTIO_EGRESS_NAMESPACE })),
    },
    deleteLocks: props.deleteLocks ?? true,
  };
}

/** With a tainted system pool and no user pool, workloads need somewhere to run: a default `user` pool. */
function userPools(props: HardenedClusterProps): NonNullable<HardenedClusterProps['userNodePools']> {
  if (props.userNodePools && props.userNodePools.length > 0) return props.userNodePools;
  return (props.systemPool?.onlyCriticalAddons ?? true) ? [{ name: 'user', count: 2 }] : [];
}

function defaultDataplane(pods: PodNetworking, enc: TransitEncryption): 'azure' | 'cilium' | undefined {
  if (pods.mode === 'byo') return undefined;
  // Cilium needs overlay or a pod subnet (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium); Calico cannot run on it.
  if (enc.kind === 'calicoWireGuard' || pods.mode === 'kubenet' || pods.mode === 'nodeSubnet') return 'azure';
  return 'cilium';
}

function defaultPolicy(
  pods: PodNetworking,
  enc: TransitEncryption,
  dataplane: 'azure' | 'cilium' | undefined,
): 'cilium' | 'calico' | 'azure' | 'none' {
  if (pods.mode === 'byo') return 'none';
  if (dataplane === 'cilium') return 'cilium';
  if (enc.kind === 'calicoWireGuard' || pods.mode === 'kubenet') return 'calico';
  return 'azure';
}

/**
 * Every node pool: the system pool first.
 * @internal
 */
export function allNodePools(c: ResolvedClusterConfig): readonly ResolvedNodePool[] {
  return [c.systemPool, ...c.userNodePools];
}

/**
 * The private DNS zone name AKS expects for an own zone in `location`.
 * @internal
 */
export function ownZoneName(location: string, vnetIntegration: boolean, subzone?: string): string {
  const base = `${vnetIntegration ? 'private' : 'privatelink'}.${location.toLowerCase()}.azmk8s.io`;
  return subzone !== undefined ? `${subzone}.${base}` : base;
}
