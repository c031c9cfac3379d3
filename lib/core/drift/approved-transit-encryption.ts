import { ClusterDescription } from '../description/cluster-description';
import { TransitEncryption } from '../encryption/transit-encryption';

/**
 * The transit encryption an approved cluster was built with, from its
 * template and its approved manifests: ACNS WireGuard in the network
 * profile, Calico WireGuard in a FelixConfiguration, or virtual network
 * encryption on a network the template deploys; none when the template is a
 * whole deployment and shows none of them.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @internal
 */
export function approvedTransitEncryption(cluster: ClusterDescription, manifests: readonly Readonly<Record<string, any>>[]): TransitEncryption | { readonly unknown: string } {
  const type = cluster.fact('properties.networkProfile.advancedNetworking.security.transitEncryption.type');
  if (type.state === 'unknown') return { unknown: type.reason };
  if (type.state === 'known' && String(type.value).toLowerCase() === 'wireguard') return TransitEncryption.acnsWireGuard();
  if (manifests.some((o) => o.kind === 'FelixConfiguration' && o.spec?.wireguardEnabled === true)) return TransitEncryption.calicoWireGuard();
  const vnets = cluster.related.ofType('Microsoft.Network/virtualNetworks');
  if (vnets.some((v) => (v.body.properties as Record<string, any> | undefined)?.encryption?.enabled === true)) return TransitEncryption.virtualNetworkEncryption();
  if (!cluster.wholeDeployment) return { unknown: 'the approved template is not a whole deployment' };
  return TransitEncryption.none();
}
