import { ClusterDescription } from '../description/cluster-description';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Sources } from '../validation/sources';
import type { PathsFound, ReachPath, ReachPathKind } from './api-server-reachability';
import { Reading, reading } from './description-reading';
import { clusterNetwork, NeighbourNetwork, PrivateNetworks, privateNetworks } from './private-networks';
import { Recheck } from './recheck-targets';

/** What decides the private paths: whether the API server is private, and whether it is projected into the cluster network. */
export interface PrivateExposure {
  readonly isPrivate: Reading<boolean>;
  readonly vnetIntegration: Reading<boolean>;
}

/**
 * The private paths to the API server: its address in the cluster network
 * (the private endpoint of a private cluster, or the internal load balancer
 * address in the API Server VNet Integration subnet), and, for a private
 * cluster, each network linked to its own private DNS zone or peered with
 * the cluster network. None of them starts on the internet.
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 */
export function privateNetworkPaths(cluster: ClusterDescription, c: ClusterRuleContext, exposure: PrivateExposure): PathsFound {
  const { isPrivate, vnetIntegration } = exposure;
  if (!isPrivate.known) return { paths: [], undecided: [] };
  const integrated = vnetIntegration.known && vnetIntegration.value;
  if (!isPrivate.value) {
    if (!vnetIntegration.known) return { paths: [], undecided: [{ reason: `whether API Server VNet Integration is on is not known offline (${vnetIntegration.reason})`, at: vnetIntegration.at }] };
    // Only the nodes use the address in the subnet: other clients resolve the name to the public endpoint.
    const network = { clusterNetwork: clusterNetwork(cluster, c, []), neighbours: [], undecided: [] };
    return { paths: integrated ? [clusterNetworkPath(cluster, c, 'vnet-integration-subnet', network)] : [], undecided: [] };
  }
  const kind: ReachPathKind = integrated ? 'vnet-integration-subnet' : 'private-endpoint';
  const networks = privateNetworks(cluster, c);
  const undecided = vnetIntegration.known ? [...networks.undecided] : [{ reason: `whether API Server VNet Integration is on is not known offline (${vnetIntegration.reason})`, at: vnetIntegration.at }, ...networks.undecided];
  const fqdn = reading(() => c.bool(c.fact('properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN')));
  const noPublicName = fqdn.known && fqdn.value === false;
  const paths = [clusterNetworkPath(cluster, c, kind, networks), ...networks.neighbours.map((n) => neighbourPath(kind, n, networks, noPublicName))];
  return { paths, undecided };
}

/** The cluster's own network: the nodes, and every host in it. */
function clusterNetworkPath(cluster: ClusterDescription, c: ClusterRuleContext, kind: ReachPathKind, networks: PrivateNetworks): ReachPath {
  const network = networks.clusterNetwork;
  const name = network?.managed ? 'the virtual network AKS creates for the cluster' : network?.name ? `the cluster network ${network.name}` : 'the cluster network';
  const where = kind === 'vnet-integration-subnet'
    ? `its internal load balancer address in the delegated API server subnet (API Server VNet Integration)`
    : 'its private endpoint in the node subnet';
  const dns = networks.zoneKind === 'system' ? ' AKS links its private DNS zone to this network.' : '';
  const subnet = c.fact('properties.apiServerAccessProfile.subnetId');
  const privateAt = c.fact('properties.apiServerAccessProfile.enablePrivateCluster').at;
  return {
    kind,
    from: name,
    fromInternet: false,
    statement: `Nodes and other hosts in ${name} reach the API server at ${where}.${dns}`,
    provenance: [privateAt, ...(kind === 'vnet-integration-subnet' ? [subnet.at] : []), ...(network?.provenance ?? [])],
    recheck: kind === 'vnet-integration-subnet' ? Recheck.vnetIntegration(cluster) : Recheck.privateEndpoint(cluster),
    source: kind === 'vnet-integration-subnet' ? Sources.apiServerVnetIntegration : Sources.privateClusters,
  };
}

/** A network linked to the own zone, peered with the cluster network, or both. */
function neighbourPath(kind: ReachPathKind, n: NeighbourNetwork, networks: PrivateNetworks, noPublicName: boolean): ReachPath {
  const via = [n.linked ? 'zone link' : undefined, n.peered ? 'peering' : undefined].filter((v): v is string => v !== undefined);
  const statement = n.linked && n.peered
    ? `Hosts in ${n.name} resolve the API server's name through the zone link and route to its private address through the peering.`
    : n.linked
      ? `Hosts in ${n.name} resolve the API server's name through the zone link; they connect only over a route this description does not show (a peering, VPN or ExpressRoute).`
      : `Hosts in ${n.name} route to the API server's private address through the peering; they resolve its name only through ${noPublicName ? 'DNS of their own (no public FQDN is published)' : 'the public FQDN or DNS of their own'}.`;
  const forwarded = n.forwarded ? ` The cluster network's side of the peering accepts traffic forwarded through ${n.name} (allowForwardedTraffic), such as other spokes behind a hub firewall.` : '';
  const network = networks.clusterNetwork;
  const rechecks = [n.linked ? Recheck.zoneLinks(networks.ownZoneId) : undefined, n.peered ? Recheck.peerings({ name: network.name, resourceGroup: network.resourceGroup, id: typeof network.resource?.id === 'string' ? network.resource.id : undefined }) : undefined];
  return {
    kind,
    from: `virtual network ${n.name} (${via.join(', ')})`,
    fromInternet: false,
    statement: `${statement}${forwarded}`,
    provenance: n.provenance,
    recheck: rechecks.filter((r): r is string => r !== undefined).join('; '),
    source: n.peered ? Sources.vnetPeering : Sources.privateClusters,
  };
}
