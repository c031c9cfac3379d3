import { ArmResource } from '../arm/arm-resource';

/**
 * The cluster's egress path, as deployed.
 * @category Network and identity
 */
export interface EgressPath {
  /** Whether the cluster has a public egress IP of its own; `unverified` when the route is brought by id. */
  readonly publicEgress: 'yes' | 'no' | 'unverified';
  /** What carries egress, for the reports. */
  readonly description: string;
}

type Props = Record<string, any>;

/**
 * Reads the egress path from the deployed cluster payload and the resources
 * deployed with it (the route table), never from the definition's intent.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @category Network and identity
 */
export function deployedEgressPath(cluster: ArmResource, resources: readonly ArmResource[]): EgressPath {
  const p = (cluster.properties ?? {}) as Props;
  switch (p.networkProfile?.outboundType) {
    case 'none': {
      const registry = p.bootstrapProfile?.containerRegistryId ? 'your private registry cache' : 'an AKS-managed private registry cache';
      // No egress only when what is deployed blocks it: the node subnet without default outbound
      // access, under an NSG that denies the internet. A brought subnet's own egress is not read offline.
      const blocked =
        resources.some((r) => r.type === 'Microsoft.Network/networkSecurityGroups' && (((r.properties as Props).securityRules ?? []) as Props[]).some(
          (rule) => rule.properties?.direction === 'Outbound' && rule.properties?.access === 'Deny' && rule.properties?.destinationAddressPrefix === 'Internet',
        )) &&
        resources.some((r) => r.type === 'Microsoft.Network/virtualNetworks' && (((r.properties as Props).subnets ?? []) as Props[]).some((sn) => sn.properties?.defaultOutboundAccess === false));
      return blocked
        ? { publicEgress: 'no', description: `nowhere: a network isolated cluster (outbound type none) whose node subnet has no default outbound access and an NSG that denies the internet; nodes bootstrap from ${registry}` }
        : { publicEgress: 'unverified', description: `a network isolated cluster (outbound type none; nodes bootstrap from ${registry}) in a brought subnet, whose own egress (NAT gateway, route table, default outbound access) is not read offline` };
    }
    case 'userDefinedRouting': {
      const route = resources
        .filter((r) => r.type === 'Microsoft.Network/routeTables')
        .flatMap((r) => ((r.properties as Props).routes ?? []) as Props[])
        .find((x) => x.properties?.addressPrefix === '0.0.0.0/0' && x.properties?.nextHopType === 'VirtualAppliance');
      return route
        ? { publicEgress: 'no', description: `through the virtual appliance at ${route.properties.nextHopIpAddress} (the node subnet's route table sends 0.0.0.0/0 to it); AKS creates no public egress IP` }
        : { publicEgress: 'unverified', description: 'through the route table brought by id (userDefinedRouting); its default route is yours and is not read offline' };
    }
    case 'userAssignedNATGateway':
      return { publicEgress: 'yes', description: 'through the public IPs of your NAT gateway on the node subnet' };
    case 'managedNATGateway':
      return { publicEgress: 'yes', description: 'through the public IPs of an AKS-managed NAT gateway' };
    default:
      return { publicEgress: 'yes', description: 'through the public IP of the cluster\'s standard load balancer (outbound type loadBalancer)' };
  }
}
