import { apiServerCoverage, FlowCoverage, IN_CLUSTER_COVERAGE } from '../encryption/encryption-coverage';
import { TransitEncryption } from '../encryption/transit-encryption';
import { Sources } from '../validation/sources';
import { AuditedResource } from './audited-resource';
import { DescribedResource } from '../description/described-resource';
import { RelatedResources } from '../description/related-resources';

/**
 * The transit encryption a deployed cluster has, as far as its ARM description shows it.
 * @category Audit
 */
export interface DeployedTransitEncryption {
  /** The mechanism, or `not-verified` when what would decide it was not read. */
  readonly kind: TransitEncryption['kind'] | 'not-verified';
  /** Why, in the reader's words. */
  readonly reason: string;
}

/**
 * Reads the transit encryption off a cluster's payload and the resources read
 * with it: ACNS WireGuard from `networkProfile.advancedNetworking`, virtual
 * network encryption from the node subnet's virtual network. Calico WireGuard
 * is configured inside the cluster (a FelixConfiguration), so a cluster with
 * Calico network policy is `not-verified`, never "unencrypted".
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @category Audit
 */
export function deployedTransitEncryption(cluster: AuditedResource, relatedResources: readonly AuditedResource[]): DeployedTransitEncryption {
  return transitEncryptionOf(cluster, (subnetId) => vnetAmong(relatedResources, subnetId));
}

/**
 * The transit encryption of a cluster, with the virtual network of a subnet
 * found by `vnetOfSubnet` (the audit finds it through its description's lookup).
 * @internal
 */
export function transitEncryptionOf(cluster: AuditedResource, vnetOfSubnet: (subnetId: string) => AuditedResource | undefined): DeployedTransitEncryption {
  const np = cluster.properties.networkProfile ?? {};
  if (String(np.advancedNetworking?.security?.transitEncryption?.type ?? '').toLowerCase() === 'wireguard') {
    return { kind: 'acnsWireGuard', reason: 'networkProfile.advancedNetworking.security.transitEncryption.type is WireGuard' };
  }
  const pools: Record<string, any>[] = Array.isArray(cluster.properties.agentPoolProfiles) ? cluster.properties.agentPoolProfiles : [];
  const subnetId: string | undefined = pools.map((p) => p.vnetSubnetID).find((id) => typeof id === 'string');
  const vnet = subnetId === undefined ? undefined : vnetOfSubnet(subnetId);
  if (vnet?.properties.encryption?.enabled === true) {
    return { kind: 'virtualNetworkEncryption', reason: `virtual network ${vnet.name} has encryption enabled` };
  }
  if (np.networkPolicy === 'calico') {
    return { kind: 'not-verified', reason: 'Calico network policy: Calico WireGuard is a FelixConfiguration inside the cluster, which an ARM description does not show' };
  }
  if (subnetId !== undefined && !vnet) {
    return { kind: 'not-verified', reason: 'the nodes\' virtual network is not among the resources read, so its encryption is unknown' };
  }
  return { kind: 'none', reason: vnet ? `neither WireGuard nor encryption on virtual network ${vnet.name}` : 'no WireGuard, and the network AKS manages has no virtual network encryption' };
}

/**
 * The encryption coverage of a deployed cluster, from its ARM description only.
 * @category Audit
 */
export function deployedEncryptionCoverage(cluster: AuditedResource, relatedResources: readonly AuditedResource[]): FlowCoverage[] {
  return encryptionCoverageOf(cluster, deployedTransitEncryption(cluster, relatedResources));
}

/**
 * The encryption coverage of a cluster whose transit encryption is `enc`.
 * @internal
 */
export function encryptionCoverageOf(cluster: AuditedResource, enc: DeployedTransitEncryption): FlowCoverage[] {
  const access = cluster.properties.apiServerAccessProfile ?? {};
  const ranges = access.authorizedIPRanges ?? cluster.properties.apiServerAuthorizedIPRanges;
  const api = apiServerCoverage({ isPrivate: access.enablePrivateCluster === true, vnetIntegration: access.enableVnetIntegration === true, authorizedIpRanges: Array.isArray(ranges) ? ranges : [] });
  const crossCluster: FlowCoverage = {
    flow: 'cross-cluster',
    status: 'not-verified',
    by: 'not read: cross-cluster mutual TLS is configured inside the clusters (Istio gateways), not in ARM',
    sources: [Sources.istioEgressGateway],
  };
  if (enc.kind === 'not-verified') {
    const flows = ['pod-to-pod-same-node', 'pod-to-pod-cross-node', 'host-network-pods', 'node-to-node'] as const;
    return [...flows.map((flow) => ({ flow, status: 'not-verified' as const, by: `not verified: ${enc.reason}`, sources: [Sources.wireGuardConcepts, Sources.vnetEncryption] })), api, crossCluster];
  }
  const facts = IN_CLUSTER_COVERAGE[enc.kind];
  return [...(Object.keys(facts) as (keyof typeof facts)[]).map((flow) => ({ flow, ...facts[flow] })), api, crossCluster];
}

/**
 * The virtual network of a subnet among `resources`, by the description's one
 * lookup (by id, or by a template's type and names); only their ids, names
 * and types are read.
 */
function vnetAmong(resources: readonly AuditedResource[], subnetId: string): AuditedResource | undefined {
  const named = resources.map((r): DescribedResource => ({ type: r.type, name: r.name, id: r.id, body: {}, origin: { document: '', pointer: '' } }));
  const found = new RelatedResources(named, false).vnetOfSubnet(subnetId);
  return found.state === 'found' ? resources[named.indexOf(found.resource)] : undefined;
}
