import { isArmType } from '../description/related-resources';
import { Ipv4Cidr } from '../net/ipv4-cidr';
import { API_SERVER_SUBNET_MAX_PREFIX } from './aks-limits';

/**
 * What API Server VNet Integration needs of its subnet: its delegation, read
 * by the cluster rule on the subnet it names and by the check of a live
 * subnet before the cluster is created. Its size is decided everywhere by
 * the condition in rules/subnet-rules.ts; here only how small a block is.
 * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 */

/**
 * The delegation the API server subnet needs.
 * @category API server access
 */
export const API_SERVER_SUBNET_DELEGATION = 'Microsoft.ContainerService/managedClusters';

/** Whether a subnet's delegations (ARM's `{ properties: { serviceName } }` or a flattened `{ serviceName }`) include managed clusters. */
export function delegatedToManagedClusters(delegations: unknown): boolean {
  return Array.isArray(delegations) && delegations.some((d) => isArmType(d?.properties?.serviceName ?? d?.serviceName, API_SERVER_SUBNET_DELEGATION));
}

/** The subnet's block when it is smaller than the API server needs (a /28), else undefined: to say how small in a finding. */
export function tooSmallForApiServer(prefixes: readonly unknown[]): Ipv4Cidr | undefined {
  const blocks = prefixes.map((p) => (typeof p === 'string' ? Ipv4Cidr.parse(p) : undefined)).filter((p): p is Ipv4Cidr => p instanceof Ipv4Cidr);
  if (blocks.length === 0 || blocks.some((b) => b.prefixLength <= API_SERVER_SUBNET_MAX_PREFIX)) return undefined;
  return blocks[0];
}
