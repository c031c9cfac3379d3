import { ApiServerAccess } from './api-server-access';
import { ClusterIdentity } from './cluster-identity';
import { ClusterNetwork } from './cluster-network';
import { HardenedClusterProps } from './hardened-cluster-props';

/** {@link HardenedClusterProps} with every default applied. Defaults live here only. */
export interface ResolvedClusterConfig {
  readonly name: string;
  readonly location: string;
  readonly apiServerAccess: ApiServerAccess;
  readonly network: ClusterNetwork;
  readonly identity: ClusterIdentity;
  readonly kubernetesVersion?: string;
  readonly dnsPrefix?: string;
  readonly fqdnSubdomain?: string;
  readonly systemPool: {
    readonly name: string;
    readonly vmSize: string;
    readonly count: number;
    readonly availabilityZones: readonly string[];
    readonly osSku: 'AzureLinux' | 'Ubuntu';
    readonly enableFips: boolean;
  };
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  readonly adminGroupObjectIds: readonly string[];
  readonly tier: 'Free' | 'Standard' | 'Premium';
  readonly tags: Readonly<Record<string, string>>;
}

/** Applies the defaults: the most locked-down configuration that works. */
export function resolveClusterConfig(props: HardenedClusterProps): ResolvedClusterConfig {
  const pool = props.systemPool ?? {};
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
      vmSize: pool.vmSize ?? 'Standard_D4ds_v5',
      count: pool.count ?? 3,
      availabilityZones: pool.availabilityZones ?? ['1', '2', '3'],
      osSku: pool.osSku ?? 'AzureLinux',
      enableFips: pool.enableFips ?? false,
    },
    podCidr: props.podCidr ?? '10.244.0.0/16',
    serviceCidr: props.serviceCidr ?? '10.0.0.0/16',
    dnsServiceIp: props.dnsServiceIp ?? '10.0.0.10',
    adminGroupObjectIds: props.adminGroupObjectIds ?? [],
    tier: props.tier ?? 'Standard',
    tags: props.tags ?? {},
  };
}

/** The private DNS zone name AKS expects for an own zone in `location`. */
export function ownZoneName(location: string, vnetIntegration: boolean, subzone?: string): string {
  const base = `${vnetIntegration ? 'private' : 'privatelink'}.${location.toLowerCase()}.azmk8s.io`;
  return subzone ? `${subzone}.${base}` : base;
}
