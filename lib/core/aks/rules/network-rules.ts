import { DescribedValue } from '../../description/described-value';
import { referenceOf } from '../../description/related-resources';
import { delegatedToManagedClusters, tooSmallForApiServer } from '../api-server-subnet';
import { Ipv4Cidr, parseIpv4 } from '../../net/ipv4-cidr';
import { clusterRule, ClusterRule, ClusterRuleContext, poolRule } from '../../rules/cluster-rule';
import { conditionHoldsOnResource } from '../../rules/resource-rule';
import { Rules } from '../../validation/rule-catalog';
import { AKS_RESERVED_RANGES, API_SERVER_SUBNET_MAX_PREFIX, SERVICE_CIDR_MIN_PREFIX } from '../aks-limits';
import { hasVnetIntegration, nodeSubnetIds } from './cluster-facts';
import { SMALLER_THAN_API_SERVER_NEEDS, SUBNET_TYPE } from './subnet-rules';

/**
 * The cluster's address plan and API Server VNet Integration subnet.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 */

const NETWORK = 'properties.networkProfile';
const API_SUBNET = 'properties.apiServerAccessProfile.subnetId';
const RESERVED = AKS_RESERVED_RANGES.map((r) => Ipv4Cidr.of(r));

/** A CIDR block at a REST path, when it is a well-formed one. */
function cidrAt(c: ClusterRuleContext, path: string): { block: Ipv4Cidr; at: DescribedValue } | undefined {
  const at = c.at(path);
  const text = at ? c.text(at.asFact()) : undefined;
  if (!at || text === undefined) return undefined;
  const parsed = Ipv4Cidr.parse(text);
  return parsed instanceof Ipv4Cidr ? { block: parsed, at } : undefined;
}

/** The address spaces of the node subnet's network, when that network was read. */
function nodeNetworkSpaces(c: ClusterRuleContext): Ipv4Cidr[] | undefined {
  const ids = nodeSubnetIds(c);
  if (ids.length === 0) return undefined;
  const vnet = c.cluster.related.vnetOfSubnet(ids[0]);
  if (vnet.state !== 'found') return undefined;
  const prefixes = (vnet.resource.body.properties as Record<string, any> | undefined)?.addressSpace?.addressPrefixes;
  if (!Array.isArray(prefixes)) return undefined;
  return prefixes.map((p) => (typeof p === 'string' ? Ipv4Cidr.parse(p) : undefined)).filter((p): p is Ipv4Cidr => p instanceof Ipv4Cidr);
}

/** The API server subnet's id and the node subnets, as references. */
function apiSubnet(c: ClusterRuleContext): { id: unknown; at: DescribedValue } | undefined {
  if (!hasVnetIntegration(c)) return undefined;
  const at = c.cluster.at(API_SUBNET);
  if (!(at instanceof DescribedValue)) return undefined;
  const id = c.reference(at.asFact());
  return id === undefined ? undefined : { id, at };
}

const key = (ref: { names: readonly string[] }) => ref.names.join('/').toLowerCase();

/**
 * The CIDR blocks of the cluster's network as positions: the node network's
 * address spaces and its subnets' prefixes (when that network was read), then
 * the pod and service CIDRs.
 */
export function networkBlocks(c: ClusterRuleContext): { spaces: DescribedValue[]; subnets: DescribedValue[]; cluster: DescribedValue[] } {
  const cluster = ['podCidr', 'serviceCidr'].map((k) => c.at(`${NETWORK}.${k}`)).filter((p): p is DescribedValue => p !== undefined);
  const ids = nodeSubnetIds(c);
  const vnet = ids.length > 0 ? c.cluster.related.vnetOfSubnet(ids[0]) : undefined;
  if (!vnet || vnet.state !== 'found') return { spaces: [], subnets: [], cluster };
  const root = c.cluster.describe(vnet.resource);
  const spaces = c.list('properties.addressSpace.addressPrefixes', root);
  const subnets = c.list('properties.subnets', root).map((s) => c.at('properties.addressPrefix', s) ?? c.at('addressPrefix', s)).filter((p): p is DescribedValue => p !== undefined);
  return { spaces, subnets, cluster };
}

export const NETWORK_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.clusterCidrsOverlap, 'deployment', (c) => {
    const pod = cidrAt(c, `${NETWORK}.podCidr`);
    const svc = cidrAt(c, `${NETWORK}.serviceCidr`);
    if (pod && svc?.block.overlaps(pod.block)) c.fail(svc.at, `choose a block outside the pod CIDR (${pod.block})`);
    if (!pod && !svc) return;
    const spaces = nodeNetworkSpaces(c);
    if (spaces === undefined) {
      if (nodeSubnetIds(c).length > 0) c.cannotDecide('the node subnet\'s virtual network is not among the resources read', undefined, true);
      return;
    }
    for (const space of spaces) {
      for (const block of [pod, svc]) if (block?.block.overlaps(space)) c.fail(block.at, `choose a block outside the virtual network (${space})`);
    }
  }),
  clusterRule(Rules.reservedRanges, 'deployment', (c) => {
    const { spaces, cluster } = networkBlocks(c);
    c.each([...spaces, ...cluster], (at) => {
      const parsed = Ipv4Cidr.parse(c.text(at.asFact()) ?? '');
      const hit = parsed instanceof Ipv4Cidr ? RESERVED.find((r) => r.overlaps(parsed)) : undefined;
      if (hit) c.fail(at, `choose a block that does not overlap ${hit}`, { value: (parsed as Ipv4Cidr).toString() });
    });
  }),
  clusterRule(Rules.serviceCidrSize, 'cluster', (c) => {
    const svc = cidrAt(c, `${NETWORK}.serviceCidr`);
    if (svc && svc.block.prefixLength < SERVICE_CIDR_MIN_PREFIX) {
      c.fail(svc.at, `use a /${SERVICE_CIDR_MIN_PREFIX} or smaller block, e.g. a /16`, { detail: `a /${svc.block.prefixLength} has ${svc.block.size} addresses` });
    }
  }),
  clusterRule(Rules.dnsServiceIp, 'cluster', (c) => {
    const svc = cidrAt(c, `${NETWORK}.serviceCidr`);
    const fact = c.fact(`${NETWORK}.dnsServiceIP`);
    const text = c.text(fact);
    if (!svc || text === undefined) return;
    const dns = parseIpv4(text);
    if (dns === undefined || !svc.block.containsAddress(dns) || dns <= svc.block.network + 1) {
      c.fail(fact, `choose an address inside ${svc.block} other than its first two (the network address and the kubernetes service), e.g. the .10 address`);
    }
  }),
  poolRule(Rules.vnetIntegrationNeedsSubnet, 'cluster', (c) => {
    if (!hasVnetIntegration(c) || nodeSubnetIds(c).length === 0) return;
    const fact = c.fact(API_SUBNET);
    if (c.value(fact) === undefined) {
      c.fail(fact, { definition: 'pass the id of a dedicated /28 (or larger) subnet delegated to Microsoft.ContainerService/managedClusters, or turn off vnetIntegration', payload: 'give the delegated API server subnet of the cluster network' });
    }
  }),
  clusterRule(Rules.apiServerSubnetDedicated, 'deployment', (c) => {
    const api = apiSubnet(c);
    const ref = api && referenceOf(api.id);
    if (!api || !ref) return;
    const nodes = nodeSubnetIds(c).map(referenceOf).filter((r): r is NonNullable<typeof r> => r !== undefined);
    if (nodes.some((n) => key(n) === key(ref))) {
      c.fail(api.at, 'use a subnet of its own, delegated to Microsoft.ContainerService/managedClusters, for the API server');
      return;
    }
    const found = c.cluster.related.subnet(api.id);
    if (found.state !== 'found') {
      c.cannotDecide(`the API server subnet's delegation: ${found.reason}`, api.at, found.state === 'not-read');
      return;
    }
    if (!delegatedToManagedClusters(found.subnet.delegations)) {
      c.fail(api.at, 'delegate the subnet to Microsoft.ContainerService/managedClusters');
    }
  }),
  poolRule(Rules.apiServerSubnetSameVnet, 'cluster', (c) => {
    const api = apiSubnet(c);
    const ref = api && referenceOf(api.id);
    const nodes = nodeSubnetIds(c).map(referenceOf).filter((r): r is NonNullable<typeof r> => r !== undefined);
    if (api && ref && nodes.length > 0 && nodes[0].names[0].toLowerCase() !== ref.names[0].toLowerCase()) {
      c.fail(api.at, `use a subnet of the node subnet's network (${nodes[0].names[0]})`);
    }
  }),
  clusterRule(Rules.apiServerSubnetSize, 'deployment', (c) => {
    const api = apiSubnet(c);
    if (!api || !referenceOf(api.id)) return;
    const found = c.cluster.related.subnet(api.id);
    if (found.state !== 'found') {
      c.cannotDecide(`the API server subnet's size: ${found.reason}`, api.at, found.state === 'not-read');
      return;
    }
    // The same condition the subnet's own definition is compiled from (SUBNET_RULES).
    const small = conditionHoldsOnResource(Rules.apiServerSubnetSize, SUBNET_TYPE, SMALLER_THAN_API_SERVER_NEEDS, { properties: found.subnet }, api.at.location);
    if (small === undefined) {
      c.cannotDecide('the API server subnet\'s size: its address prefix is not known offline', api.at);
      return;
    }
    if (small) {
      const prefixes = Array.isArray(found.subnet.addressPrefixes) && found.subnet.addressPrefixes.length > 0 ? found.subnet.addressPrefixes : [found.subnet.addressPrefix];
      const block = tooSmallForApiServer(prefixes);
      c.fail(api.at, `use a /${API_SERVER_SUBNET_MAX_PREFIX} or larger subnet`, { value: found.subnet.addressPrefix ?? found.subnet.addressPrefixes, detail: block ? `a /${block.prefixLength} has ${block.size} addresses` : undefined });
    }
  }),
];
