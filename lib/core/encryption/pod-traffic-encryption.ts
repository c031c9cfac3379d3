import { networkPolicyEngineOf, nodeSubnetIds, same } from '../aks/rules/cluster-facts';
import { ClusterDescription } from '../description/cluster-description';
import { reading, readingContext } from '../reachability/description-reading';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Undecided } from '../rules/undecided';
import { deployedFelixWireGuard, FELIX_DEFAULT_CONFIGURATION } from './calico-felix-configuration';
import { TransitEncryption } from './transit-encryption';

/**
 * The transit encryption of a deployed cluster's pod traffic, as far as what
 * was read shows it.
 * @category Audit
 */
export interface DeployedTransitEncryption {
  /** The mechanism, or `not-verified` when what would decide it was not read or is not known offline. */
  readonly kind: TransitEncryption['kind'] | 'not-verified';
  /** Why, in the reader's words. */
  readonly reason: string;
}

const TRANSIT_ENCRYPTION_TYPE = 'properties.networkProfile.advancedNetworking.security.transitEncryption.type';

/** Whether ACNS WireGuard is the transit encryption of the network profile. */
export function acnsWireGuardOn(c: ClusterRuleContext): boolean {
  return same(c.text(c.fact(TRANSIT_ENCRYPTION_TYPE)), 'WireGuard');
}

/**
 * Whether WireGuard encrypts pod traffic: ACNS, or Calico's one
 * FelixConfiguration "default" with `wireguardEnabled` among the objects
 * deployed with the cluster.
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 */
export function wireGuardOn(c: ClusterRuleContext): boolean {
  return acnsWireGuardOn(c) || deployedFelixWireGuard(c.cluster.kubernetesObjects ?? []).on;
}

/**
 * What encrypts pod traffic between nodes as deployed: WireGuard (ACNS, or
 * Calico's FelixConfiguration deployed with the cluster), the nodes' virtual
 * network, or nothing, and why. Stops undecided (throws)
 * where a value it reads is not known, or where the nodes' virtual network,
 * or the objects applied to a cluster with Calico network policy, were not
 * read: the rules SAKS-ENC-013 and friends are then undecided;
 * {@link transitEncryptionOfCluster} says `not-verified`.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview
 * @internal
 */
export function podTrafficEncryptionOf(
  c: ClusterRuleContext,
  /** The Kubernetes objects applied to the cluster; by default those its description holds (`undefined`: not read). */
  objects: readonly unknown[] | undefined = c.cluster.kubernetesObjects,
): DeployedTransitEncryption & { readonly kind: TransitEncryption['kind'] } {
  if (acnsWireGuardOn(c)) return { kind: 'acnsWireGuard', reason: 'networkProfile.advancedNetworking.security.transitEncryption.type is WireGuard' };
  if (deployedFelixWireGuard(objects ?? []).on) {
    return { kind: 'calicoWireGuard', reason: `the FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" applied to the cluster sets wireguardEnabled: true` };
  }
  const network = nodeNetworkEncryption(c);
  if (network?.encrypted) return { kind: 'virtualNetworkEncryption', reason: `virtual network ${network.name} has encryption enabled` };
  // Calico WireGuard is a FelixConfiguration inside the cluster: without the objects applied to it, not known.
  if (networkPolicyEngineOf(c) === 'calico' && objects === undefined) {
    throw new Undecided('Calico network policy: whether Calico WireGuard is on is a FelixConfiguration inside the cluster, not among what was read', undefined, undefined, true);
  }
  return { kind: 'none', reason: network !== undefined ? `neither WireGuard nor encryption on virtual network ${network.name}` : 'no WireGuard, and the network AKS manages has no virtual network encryption' };
}

/**
 * Whether the nodes' virtual network (the first node subnet's) has
 * encryption enabled, and its name; `undefined` when the nodes are on the
 * network AKS manages. Stops undecided (throws) where that network was not
 * read or its setting is not known.
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview
 */
export function nodeNetworkEncryption(c: ClusterRuleContext): { readonly name: string; readonly encrypted: boolean } | undefined {
  const ids = nodeSubnetIds(c);
  if (ids.length === 0) return undefined;
  const vnet = c.cluster.related.vnetOfSubnet(ids[0]);
  if (vnet.state !== 'found') throw new Undecided(`whether the nodes' virtual network is encrypted: ${vnet.reason}`, undefined, undefined, vnet.state === 'not-read');
  return { name: String(vnet.resource.name), encrypted: c.bool(c.cluster.describe(vnet.resource).fact('properties.encryption.enabled')) === true };
}

/**
 * The transit encryption of a described cluster for the reports:
 * {@link podTrafficEncryptionOf} with the rules' readers, `not-verified`
 * with the reason where the rules are undecided.
 * @internal
 */
export function transitEncryptionOfCluster(cluster: ClusterDescription): DeployedTransitEncryption {
  const read = reading(() => podTrafficEncryptionOf(readingContext(cluster)));
  return read.known ? read.value : { kind: 'not-verified', reason: read.reason };
}
