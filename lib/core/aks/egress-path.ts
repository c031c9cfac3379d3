import { ClusterDescription } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { Fact } from '../description/fact';
import { reading, readingContext } from '../reachability/description-reading';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { certain, nodeSubnetIds, same } from './rules/cluster-facts';

/**
 * The cluster's egress path, as deployed.
 * @category Network and identity
 */
export interface EgressPath {
  /**
   * Whether the cluster has a public egress IP of its own; `unverified` when
   * what carries or blocks its egress was not read (a route table or subnet
   * brought by id) or a value it depends on is not known offline.
   */
  readonly publicEgress: 'yes' | 'no' | 'unverified';
  /** What carries egress, in the reports' words. */
  readonly description: string;
  /** Why it is `unverified`, in the rules' words (absent otherwise). */
  readonly reason?: string;
  /** The outbound type the path was read from, where it was read (absent when it could not be read). */
  readonly fact?: Fact;
  /** The outbound type, `loadBalancer` when none is set (absent when it could not be read). */
  readonly outboundType?: string;
}

/** An egress path read from a known outbound type. */
type ReadEgressPath = EgressPath & { readonly fact: Fact; readonly outboundType: string };

const OUTBOUND = 'properties.networkProfile.outboundType';

/**
 * The egress path of the cluster a rule (or a report) reads, from the
 * cluster's outbound type and the resources deployed for certain on its node
 * subnets: their route table that sends 0.0.0.0/0 to a virtual appliance, or
 * their NSG that denies the internet with no default outbound access. Names
 * and enum values are compared as Azure compares them (without regard to
 * case). Stops undecided (throws) when the outbound type is not known: the
 * rule SAKS-EGR-001 is then undecided; {@link egressPathOfCluster} says
 * `unverified`.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 * @internal
 */
export function egressPathOf(c: ClusterRuleContext): ReadEgressPath {
  const fact = c.fact(OUTBOUND);
  // No outbound type is the load balancer, the API's default.
  const outboundType = c.text(fact) ?? 'loadBalancer';
  const path = egressPathBy(c, outboundType);
  return { ...path, fact, outboundType };
}

/** The egress path of outbound type `outbound`, from the resources read beside the cluster. */
function egressPathBy(c: ClusterRuleContext, outbound: string): EgressPath {
  if (same(outbound, 'userDefinedRouting')) {
    const appliance = defaultRouteToAppliance(c);
    if ('notRead' in appliance) {
      return {
        publicEgress: 'unverified',
        description: "through the node subnet's route table (userDefinedRouting), whose default route is not read offline",
        reason: `the node subnet's default route is not among the resources read: ${appliance.notRead}`,
      };
    }
    if ('notMet' in appliance) {
      return {
        publicEgress: 'unverified',
        description: "through the node subnet's route table (userDefinedRouting), whose routes read send 0.0.0.0/0 to no virtual appliance",
        reason: `the node subnet's default route is not known to go to a virtual appliance: ${appliance.notMet}`,
      };
    }
    return { publicEgress: 'no', description: `through the virtual appliance at ${appliance.hops.join(', ')} (the node subnet's route table sends 0.0.0.0/0 to it); AKS creates no public egress IP` };
  }
  if (same(outbound, 'none')) {
    const registry = bootstrapRegistry(c);
    const blocked = internetEgressBlocked(c);
    if (blocked === true) {
      return { publicEgress: 'no', description: `nowhere: a network isolated cluster (outbound type none) whose node subnet has no default outbound access and an NSG that denies the internet; nodes bootstrap from ${registry}` };
    }
    if ('notMet' in blocked) {
      return {
        publicEgress: 'unverified',
        description: `a network isolated cluster (outbound type none; nodes bootstrap from ${registry}) whose node subnet, as read, is not closed to the internet`,
        reason: `what blocks egress from the node subnet is not known: ${blocked.notMet}`,
      };
    }
    return {
      publicEgress: 'unverified',
      description: `a network isolated cluster (outbound type none; nodes bootstrap from ${registry}) in a brought subnet, whose own egress (NAT gateway, route table, default outbound access) is not read offline`,
      reason: `what blocks egress from the node subnet (its NSG, default outbound access, NAT gateway or route table) is not among the resources read: ${blocked.notRead}`,
    };
  }
  if (same(outbound, 'userAssignedNATGateway')) return { publicEgress: 'yes', description: 'through the public IPs of your NAT gateway on the node subnet' };
  if (same(outbound, 'managedNATGateway')) return { publicEgress: 'yes', description: 'through the public IPs of an AKS-managed NAT gateway' };
  if (same(outbound, 'loadBalancer')) return { publicEgress: 'yes', description: "through the public IP of the cluster's standard load balancer (outbound type loadBalancer)" };
  return { publicEgress: 'yes', description: `by outbound type ${outbound}, which is not known to keep egress off the internet (userDefinedRouting and none are)` };
}

/**
 * The egress path of a described cluster for the reports: {@link egressPathOf}
 * with the rules' readers, `unverified` with the reason where a value it
 * reads is not known offline.
 * @internal
 */
export function egressPathOfCluster(cluster: ClusterDescription): EgressPath {
  const read = reading(() => egressPathOf(readingContext(cluster)));
  if (read.known) return read.value;
  return { publicEgress: 'unverified', description: `not known offline (${read.reason})`, reason: read.reason };
}

/** Where a network isolated cluster's nodes bootstrap from; read without stopping, since the rule does not depend on it. */
function bootstrapRegistry(c: ClusterRuleContext): string {
  const registry = c.fact('properties.bootstrapProfile.containerRegistryId');
  if (registry.state === 'unknown') return `a registry cache not known offline (${registry.reason})`;
  return registry.state === 'known' && registry.value ? 'your private registry cache' : 'an AKS-managed private registry cache';
}

/** The text at `key` of an object of a resource's body, when it is known text. */
function textOf(o: unknown, key: string): string | undefined {
  const v = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The `properties` of each element of a list of a resource's body (routes, security rules). */
function elementProperties(r: DescribedResource, list: string): unknown[] {
  const items = (r.body.properties as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(items) ? items.map((x) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>).properties : undefined)) : [];
}

/** Why a setting egress depends on is not known: a resource that holds it was not read. */
type NotRead = { readonly notRead: string };
/** Why a setting egress depends on is not known: what was read does not show it (a route the table lacks). */
type NotMet = { readonly notMet: string };

/** Each node subnet as read, or why one is not: what carries a cluster's egress is set on its node subnets. */
type NodeSubnets = { readonly read: readonly Readonly<Record<string, unknown>>[] } | NotRead;

/**
 * The subnets the node pools name (`vnetSubnetID`), found among the
 * resources read: only these carry the cluster's egress. A route table or an
 * NSG read beside the cluster but on another subnet (a tenant's other
 * clusters, a hub) says nothing of it.
 */
function nodeSubnets(c: ClusterRuleContext): NodeSubnets {
  const ids = nodeSubnetIds(c);
  if (ids.length === 0) return { notRead: 'no node pool names its subnet (vnetSubnetID), so the subnet AKS uses is not among the resources read' };
  const read: Readonly<Record<string, unknown>>[] = [];
  for (const id of ids) {
    const found = c.cluster.related.subnet(id);
    if (found.state !== 'found') return { notRead: `the node subnet: ${found.reason}` };
    read.push(found.subnet);
  }
  return { read };
}

/** The resource a subnet's member (`routeTable`, `networkSecurityGroup`) names, deployed for certain; else why not. */
function attached(c: ClusterRuleContext, subnet: Readonly<Record<string, unknown>>, member: string, what: string): DescribedResource | string {
  const ref = (subnet[member] as Record<string, unknown> | null | undefined)?.id;
  if (ref === undefined || ref === null) return `a node subnet has no ${what} among the resources read`;
  const found = c.cluster.related.resolve(ref);
  if (found.state !== 'found') return `the ${what} of a node subnet: ${found.reason}`;
  if (!certain(found.resource)) return `the ${what} of a node subnet is deployed under a condition not known offline`;
  return found.resource;
}

/**
 * The next hops of the route that sends 0.0.0.0/0 to a virtual appliance
 * (the hub firewall) in the route table of every node subnet; else why that
 * is not read.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype#outbound-type-of-userdefinedrouting
 */
function defaultRouteToAppliance(c: ClusterRuleContext): { readonly hops: readonly string[] } | NotRead | NotMet {
  const subnets = nodeSubnets(c);
  if ('notRead' in subnets) return subnets;
  const hops = new Set<string>();
  for (const subnet of subnets.read) {
    const table = attached(c, subnet, 'routeTable', 'route table');
    if (typeof table === 'string') return { notRead: table };
    const route = elementProperties(table, 'routes').find((r) => textOf(r, 'addressPrefix') === '0.0.0.0/0' && same(textOf(r, 'nextHopType'), 'VirtualAppliance'));
    if (route === undefined) return { notMet: `the route table ${String(table.name)} of a node subnet has no route of 0.0.0.0/0 to a virtual appliance among those read` };
    hops.add(textOf(route, 'nextHopIpAddress') ?? 'an address not known offline');
  }
  return { hops: [...hops] };
}

/**
 * Whether every node subnet of a network isolated cluster is closed to the
 * internet: no default outbound access, and an NSG, deployed for certain,
 * that denies outbound traffic to the internet; else why that is not read.
 * @see https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
 */
function internetEgressBlocked(c: ClusterRuleContext): true | NotRead | NotMet {
  const subnets = nodeSubnets(c);
  if ('notRead' in subnets) return subnets;
  for (const subnet of subnets.read) {
    if (subnet.defaultOutboundAccess !== false) return { notMet: 'a node subnet does not turn default outbound access off (defaultOutboundAccess false)' };
    const nsg = attached(c, subnet, 'networkSecurityGroup', 'network security group');
    if (typeof nsg === 'string') return { notRead: nsg };
    const denies = elementProperties(nsg, 'securityRules').some((r) => same(textOf(r, 'direction'), 'Outbound') && same(textOf(r, 'access'), 'Deny') && same(textOf(r, 'destinationAddressPrefix'), 'Internet'));
    if (!denies) return { notMet: `the network security group ${String(nsg.name)} of a node subnet denies no outbound traffic to the internet among the rules read` };
  }
  return true;
}
