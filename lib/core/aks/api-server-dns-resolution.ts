import { ApiServerAccess } from './api-server-access';

/**
 * How one group of clients resolves the API server name.
 * @category API server access
 */
export type ApiServerNameResolution =
  /** An A record in the private DNS zone, resolving to the private endpoint or VNet Integration IP. */
  | 'private-dns-zone'
  /** The public FQDN in Azure public DNS, resolving to the private IP. */
  | 'public-fqdn'
  /** The public FQDN, resolving to the public IP (public API server). */
  | 'public-ip'
  /** No name is published for these clients. */
  | 'unresolvable';

/**
 * The DNS behaviour of an API server access choice: one cell of the DNS options table of Microsoft Learn's private clusters page.
 * @category API server access
 */
export interface ApiServerDnsBehaviour {
  /** Nodes, and VMs in the cluster network or any network linked to the private DNS zone. */
  readonly clusterAndLinkedNetworks: ApiServerNameResolution;
  /** Every other client. */
  readonly otherClients: ApiServerNameResolution;
  /** Whether the combination works at all (none without public FQDN resolves for nobody). */
  readonly valid: boolean;
}

/**
 * Derives who resolves the API server name how, from the private DNS zone
 * option and the public FQDN setting.
 * @see https://learn.microsoft.com/azure/architecture/aws-professional/eks-to-aks/private-clusters (DNS options table)
 * @category API server access
 */
export function apiServerDnsBehaviour(access: ApiServerAccess): ApiServerDnsBehaviour {
  if (!access.isPrivate) {
    return { clusterAndLinkedNetworks: 'public-ip', otherClients: 'public-ip', valid: true };
  }
  if (access.dnsZone?.kind === 'none') {
    return access.publicFqdn
      ? { clusterAndLinkedNetworks: 'public-fqdn', otherClients: 'public-fqdn', valid: true }
      : { clusterAndLinkedNetworks: 'unresolvable', otherClients: 'unresolvable', valid: false };
  }
  return {
    clusterAndLinkedNetworks: 'private-dns-zone',
    otherClients: access.publicFqdn ? 'public-fqdn' : 'unresolvable',
    valid: true,
  };
}
