import { parseResourceId } from '../arm/resource-id';
import { nodeSubnetIds } from '../aks/rules/cluster-facts';
import { ownZoneName, zoneOf } from '../aks/rules/api-server-rules';
import { ClusterDescription } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { DescribedValue } from '../description/described-value';
import { Provenance } from '../description/fact';
import { isArmType, parentIdOf, parentNameOf, referenceOf } from '../description/related-resources';
import { UnknownValue } from '../description/unknown-value';
import { ClusterRuleContext } from '../rules/cluster-rule';
import type { UndecidedPart } from './api-server-reachability';
import { Reading, reading } from './description-reading';

/**
 * The virtual networks that reach a private API server's address, read from
 * the resources deployed with the cluster: the cluster's own network, the
 * networks linked to its own private DNS zone, and the networks peered with
 * the cluster's network (either side of the peering).
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */

const ZONE_LINK = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';

/** The cluster's own network: named when the node subnet tells it; `managed` when AKS creates it. */
export interface ClusterNetworkFound {
  readonly name?: string;
  readonly resourceGroup?: string;
  /** The network resource, when it was read. */
  readonly resource?: DescribedResource;
  /** AKS creates the network (no node subnet is given): nothing else is peered with it at deployment. */
  readonly managed: boolean;
  readonly provenance: readonly Provenance[];
}

/** Another network that reaches the API server, and how. */
export interface NeighbourNetwork {
  readonly name: string;
  readonly resourceGroup?: string;
  readonly linked: boolean;
  readonly peered: boolean;
  /** The cluster network's side of the peering accepts traffic the neighbour forwards (a hub firewall). */
  readonly forwarded: boolean;
  readonly provenance: readonly Provenance[];
}

/** What the resources read tell of the networks around a private API server. */
export interface PrivateNetworks {
  readonly clusterNetwork: ClusterNetworkFound;
  readonly neighbours: readonly NeighbourNetwork[];
  /** The own private DNS zone's id, when the cluster names one. */
  readonly ownZoneId?: string;
  readonly zoneKind?: 'system' | 'none' | 'own';
  readonly undecided: readonly UndecidedPart[];
}

/** The networks around the API server of `cluster`. */
export function privateNetworks(cluster: ClusterDescription, c: ClusterRuleContext): PrivateNetworks {
  const undecided: UndecidedPart[] = [];
  const network = clusterNetwork(cluster, c, undecided);
  const zone = reading(() => zoneOf(c));
  const neighbours = new Map<string, { name: string; resourceGroup?: string; linked: boolean; peered: boolean; forwarded: boolean; provenance: Provenance[] }>();
  const add = (ref: Reading<unknown>, how: 'linked' | 'peered', at: Provenance, forwarded = false) => {
    if (!ref.known) {
      undecided.push({ reason: `a ${how === 'linked' ? 'zone link' : 'peering'}'s virtual network is not known offline (${ref.reason})`, at: ref.at ?? at });
      return;
    }
    const name = referenceName(ref.value);
    if (name === undefined || (network.name !== undefined && name.toLowerCase() === network.name.toLowerCase())) return;
    const key = name.toLowerCase();
    const entry = neighbours.get(key) ?? { name, resourceGroup: resourceGroupOf(ref.value), linked: false, peered: false, forwarded: false, provenance: [] };
    neighbours.set(key, { ...entry, [how]: true, forwarded: entry.forwarded || forwarded, provenance: [...entry.provenance, at] });
  };
  let ownZoneId: string | undefined;
  if (!zone.known) {
    undecided.push({ reason: `the private DNS zone is not known offline (${zone.reason})`, at: zone.at });
  } else if (zone.value.kind === 'own') {
    ownZoneId = typeof zone.value.value === 'string' ? zone.value.value : undefined;
    for (const link of zoneLinks(cluster, zone.value.value, undecided)) add(referenceIn(cluster, link, 'properties.virtualNetwork.id'), 'linked', link.origin);
  }
  if (network.resource) {
    for (const p of peeringsOf(cluster, network.resource)) add(p.remote, 'peered', p.at, p.forwarded);
  }
  // By name, by code unit (not the locale's collation): the same input gives the same report everywhere.
  const byName = (n: { name: string }) => n.name.toLowerCase();
  const sorted = [...neighbours.values()].sort((a, b) => (byName(a) < byName(b) ? -1 : byName(a) > byName(b) ? 1 : 0));
  return { clusterNetwork: network, neighbours: sorted, ownZoneId, zoneKind: zone.known ? zone.value.kind : undefined, undecided };
}

/** The node subnet's network: read, named only, or created by AKS; what keeps its peerings from being known goes to `undecided`. */
export function clusterNetwork(cluster: ClusterDescription, c: ClusterRuleContext, undecided: UndecidedPart[]): ClusterNetworkFound {
  const ids = reading(() => nodeSubnetIds(c));
  if (!ids.known) {
    undecided.push({ reason: `the node subnets are not known offline (${ids.reason}): the cluster network's peerings are not known`, at: ids.at });
    return { managed: false, provenance: ids.at ? [ids.at] : [] };
  }
  if (ids.value.length === 0) return { managed: true, provenance: [] };
  const subnet = ids.value[0];
  const parsed = referenceOf(subnet);
  const found = cluster.related.vnetOfSubnet(subnet);
  if (found.state === 'found') {
    const r = found.resource;
    return { name: textOf(r.name) ?? parsed?.names[0], resourceGroup: resourceGroupOf(r.id) ?? resourceGroupOf(subnet), resource: r, managed: false, provenance: [r.origin] };
  }
  const name = parsed?.names[0];
  undecided.push({ reason: `the cluster network${name ? ` ${name}` : ''} is not among the resources read: its peerings are not known (${found.reason})` });
  return { name, resourceGroup: resourceGroupOf(subnet), managed: false, provenance: [] };
}

/** The links of the own zone `zone` among the resources read; undecided when the zone itself was not read (it may have others). */
function zoneLinks(cluster: ClusterDescription, zone: unknown, undecided: UndecidedPart[]): DescribedResource[] {
  const name = ownZoneName(zone);
  const found = cluster.related.resolve(zone);
  if (found.state !== 'found') {
    undecided.push({ reason: `the private DNS zone ${name ?? String(zone)} is not among the resources read: networks linked to it outside this deployment are not known` });
  }
  if (found.state === 'found') return cluster.related.childrenOf(found.resource, ZONE_LINK);
  // Not read: the links named under its name, if any were read.
  return name === undefined ? [] : cluster.related.childrenOf({ name }, ZONE_LINK);
}

/** The peerings of `vnet`: its own (child resources or inline), and those of other networks whose remote is `vnet`. */
function peeringsOf(cluster: ClusterDescription, vnet: DescribedResource): { remote: Reading<unknown>; at: Provenance; forwarded: boolean }[] {
  // Its own peerings: named under it (`vnet/peering`, as a template names them) or with an id under its id (`az`, a GET).
  const own = new Set(cluster.related.childrenOf(vnet, PEERING));
  const out: { remote: Reading<unknown>; at: Provenance; forwarded: boolean }[] = [];
  for (const p of cluster.related.ofType(PEERING)) {
    if (own.has(p)) {
      out.push({ remote: referenceIn(cluster, p, 'properties.remoteVirtualNetwork.id'), at: p.origin, forwarded: allowsForwarded(cluster.describe(p).walk('properties.allowForwardedTraffic')) });
      continue;
    }
    const remote = referenceIn(cluster, p, 'properties.remoteVirtualNetwork.id');
    if (remote.known && remote.value !== undefined) {
      const target = cluster.related.resolve(remote.value);
      // The peering's own network: named before it (`hub/to-spoke`), or its id less the peering (`az`, a GET).
      const parent = parentNameOf(p.name) ?? networkIdOfPeering(p.id);
      if (target.state === 'found' && target.resource === vnet && parent !== undefined) out.push({ remote: { known: true, value: parent }, at: p.origin, forwarded: false });
    }
  }
  const inline = cluster.describe(vnet).walk('properties.virtualNetworkPeerings');
  if (inline instanceof DescribedValue) {
    const elements = inline.elements();
    for (const e of Array.isArray(elements) ? elements : []) {
      out.push({ remote: referenceAt(e.walk('properties.remoteVirtualNetwork.id')), at: e.provenance, forwarded: allowsForwarded(e.walk('properties.allowForwardedTraffic')) });
    }
  }
  return out;
}

/** Whether a peering's `allowForwardedTraffic` is true (as ARM coerces `"true"`). */
function allowsForwarded(at: DescribedValue | unknown): boolean {
  return at instanceof DescribedValue && (at.raw === true || (typeof at.raw === 'string' && at.raw.toLowerCase() === 'true'));
}

/** A reference at a REST path of another resource: an unknown value with a symbol still names it. */
function referenceIn(cluster: ClusterDescription, resource: DescribedResource, path: string): Reading<unknown> {
  return referenceAt(cluster.describe(resource).walk(path));
}

function referenceAt(at: DescribedValue | { state: string; reason?: string; at: Provenance }): Reading<unknown> {
  if (at instanceof DescribedValue) {
    const raw = at.raw;
    if (raw instanceof UnknownValue) return raw.symbol !== undefined ? { known: true, value: raw } : { known: false, reason: raw.reason, at: at.provenance };
    return { known: true, value: raw ?? undefined };
  }
  return at.state === 'unknown' ? { known: false, reason: at.reason ?? 'not known', at: at.at } : { known: true, value: undefined };
}

/** The network a reference names: the last name of a virtual network id, or the text itself. */
function referenceName(ref: unknown): string | undefined {
  const parsed = referenceOf(ref);
  if (parsed && isArmType(parsed.type, 'Microsoft.Network/virtualNetworks')) return parsed.names[0];
  return textOf(ref);
}

function resourceGroupOf(ref: unknown): string | undefined {
  return typeof ref === 'string' ? parseResourceId(ref)?.resourceGroup : undefined;
}

/** The id of the network a peering's id runs under, when the id is a peering's. */
function networkIdOfPeering(id: unknown): string | undefined {
  return typeof id === 'string' && isArmType(parseResourceId(id)?.type, PEERING) ? parentIdOf(id) : undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return value instanceof UnknownValue ? value.symbol : undefined;
}
