import { ClusterDescription } from '../description/cluster-description';
import { podTrafficEncryptionOf } from '../encryption/pod-traffic-encryption';
import { TransitEncryption } from '../encryption/transit-encryption';
import { reading, readingContext } from '../reachability/description-reading';

/** The factory of each mechanism, without options: the hostNetwork check reads only the kind. */
const MECHANISMS: Readonly<Record<TransitEncryption['kind'], () => TransitEncryption>> = {
  acnsWireGuard: () => TransitEncryption.acnsWireGuard(),
  calicoWireGuard: () => TransitEncryption.calicoWireGuard(),
  virtualNetworkEncryption: () => TransitEncryption.virtualNetworkEncryption(),
  none: () => TransitEncryption.none(),
};

/**
 * The transit encryption an approved cluster was built with, from its
 * template and its approved manifests, read as the rules SAKS-ENC-013 and
 * SAKS-ENC-020 read it: ACNS WireGuard in the network profile, Calico
 * WireGuard in the FelixConfiguration "default" among the manifests, or
 * encryption on the nodes' virtual network; unknown, with the reason, where
 * the rules would be undecided.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @internal
 */
export function approvedTransitEncryption(cluster: ClusterDescription, manifests: readonly Readonly<Record<string, any>>[]): TransitEncryption | { readonly unknown: string } {
  const read = reading(() => podTrafficEncryptionOf(readingContext(cluster), manifests));
  return read.known ? MECHANISMS[read.value.kind]() : { unknown: read.reason };
}
