import { isResourceIdOfType } from '../arm/resource-id';
import { Ipv4Cidr, parseIpv4 } from '../net/ipv4-cidr';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { ResolvedClusterConfig } from './resolved-cluster-config';
import { GUID } from './validation-helpers';

/** Private IPv4 space an appliance in a hub network has (RFC 1918 and the shared 100.64.0.0/10). */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((r) => Ipv4Cidr.of(r));

/**
 * The cluster's egress path (`networkProfile.outboundType`), checked by the
 * documented constraints of each outbound type. Whether the cluster has a
 * public egress path of its own is a cluster rule (rules/egress-rules.ts).
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @category Network and identity
 */
export function validateEgress(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const o = c.outboundType;
  const created = c.network.kind === 'created';
  switch (o.name) {
    case 'userAssignedNATGateway':
      if (created && o.natGatewayId === undefined) {
        v.add(Rules.egressNatGateway, 'outboundType.natGatewayId', undefined, 'pass the id of your NAT gateway: OutboundType.userAssignedNatGateway({ natGatewayId })');
      } else if (!created && o.natGatewayId !== undefined) {
        v.add(Rules.egressNatGateway, 'outboundType.natGatewayId', o.natGatewayId, 'associate the NAT gateway with your node subnet yourself and leave natGatewayId out: the library does not change subnets it did not create');
      } else if (o.natGatewayId !== undefined && !isResourceIdOfType(o.natGatewayId, 'Microsoft.Network/natGateways')) {
        v.add(Rules.resourceId, 'outboundType.natGatewayId', o.natGatewayId, 'pass a Microsoft.Network/natGateways resource id');
      }
      if (!created) v.add(Rules.egressRouteNotVerified, 'network', 'fromSubnetIds', 'make sure the node subnet has the NAT gateway associated before the cluster is created');
      break;
    case 'userDefinedRouting':
      validateUserDefinedRouting(c, v);
      break;
    case 'none':
      validateNetworkIsolated(c, v);
      break;
    default:
      break;
  }
}

function validateUserDefinedRouting(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const o = c.outboundType;
  const given = [o.firewallPrivateIp, o.routeTableId].filter((x) => x !== undefined).length;
  if (c.network.kind === 'created') {
    if (given !== 1) {
      v.add(
        Rules.egressUdrRouteTable,
        'outboundType',
        { firewallPrivateIp: o.firewallPrivateIp, routeTableId: o.routeTableId },
        'give exactly one: OutboundType.userDefinedRouting({ firewallPrivateIp }) to have the route table created, or ({ routeTableId }) for your own',
      );
    }
  } else {
    if (given > 0) {
      v.add(Rules.egressUdrRouteTable, 'outboundType', { firewallPrivateIp: o.firewallPrivateIp, routeTableId: o.routeTableId }, 'associate the route table with your node subnet yourself and use OutboundType.userDefinedRouting() without options');
    }
    v.add(Rules.egressRouteNotVerified, 'network', 'fromSubnetIds', 'make sure the node subnet\'s route table sends 0.0.0.0/0 to your firewall (next hop type VirtualAppliance)');
  }
  if (o.routeTableId !== undefined) {
    if (!isResourceIdOfType(o.routeTableId, 'Microsoft.Network/routeTables')) {
      v.add(Rules.resourceId, 'outboundType.routeTableId', o.routeTableId, 'pass a Microsoft.Network/routeTables resource id');
    }
    if (c.network.kind === 'created') v.add(Rules.egressRouteNotVerified, 'outboundType.routeTableId', o.routeTableId, 'make sure the route table sends 0.0.0.0/0 to your firewall (next hop type VirtualAppliance)');
  }
  if (o.firewallPrivateIp !== undefined) {
    const ip = parseIpv4(o.firewallPrivateIp);
    const own = c.network.kind === 'created' ? [c.network.nodeSubnetPrefix, c.network.podSubnetPrefix, ...(c.apiServerAccess.vnetIntegration ? [c.network.apiServerSubnetPrefix] : [])] : [];
    const inside = own
      .map((p) => (p === undefined ? undefined : Ipv4Cidr.parse(p)))
      .find((p): p is Ipv4Cidr => p instanceof Ipv4Cidr && ip !== undefined && p.containsAddress(ip));
    if (ip === undefined || !PRIVATE_RANGES.some((r) => r.containsAddress(ip))) {
      v.add(Rules.egressNextHop, 'outboundType.firewallPrivateIp', o.firewallPrivateIp, 'give the private IPv4 address of the hub firewall (Azure Firewall: its ipConfigurations[0].privateIPAddress)');
    } else if (inside) {
      v.add(Rules.egressNextHop, 'outboundType.firewallPrivateIp', o.firewallPrivateIp, `give the firewall's address in the hub, not one inside the cluster's subnet ${inside}`);
    }
  }
}

function validateNetworkIsolated(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const o = c.outboundType;
  if (o.containerRegistryId === undefined) {
    if (o.kubeletIdentity !== undefined) v.add(Rules.networkIsolatedRegistry, 'outboundType.kubeletIdentity', o.kubeletIdentity.resourceId, 'remove the kubelet identity, or bring the registry it pulls from (containerRegistryId)');
    return;
  }
  if (!isResourceIdOfType(o.containerRegistryId, 'Microsoft.ContainerRegistry/registries')) {
    v.add(Rules.networkIsolatedRegistry, 'outboundType.containerRegistryId', o.containerRegistryId, 'pass a Microsoft.ContainerRegistry/registries resource id');
  }
  const k = o.kubeletIdentity;
  if (k === undefined) {
    v.add(Rules.networkIsolatedRegistry, 'outboundType.kubeletIdentity', undefined, 'pass the user-assigned kubelet identity: { resourceId, clientId, principalId }');
  } else {
    if (!isResourceIdOfType(k.resourceId, 'Microsoft.ManagedIdentity/userAssignedIdentities')) {
      v.add(Rules.resourceId, 'outboundType.kubeletIdentity.resourceId', k.resourceId, 'pass a Microsoft.ManagedIdentity/userAssignedIdentities resource id');
    }
    if (!GUID.test(k.clientId)) v.add(Rules.principalId, 'outboundType.kubeletIdentity.clientId', k.clientId, 'pass the identity\'s client id');
    if (!GUID.test(k.principalId)) v.add(Rules.principalId, 'outboundType.kubeletIdentity.principalId', k.principalId, 'pass the identity\'s principal (object) id');
  }
  if (!c.identity.isUserAssigned) {
    v.add(Rules.networkIsolatedRegistry, 'identity', 'systemAssigned', 'use ClusterIdentity.create() or ClusterIdentity.fromUserAssigned(...): it is granted Managed Identity Operator on the kubelet identity');
  }
}
