import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { ViolationCollector } from '../validation/violation-collector';
import { conditionHoldsOnResource } from '../rules/resource-rule';
import { API_SERVER_SUBNET_DELEGATION, delegatedToManagedClusters } from './api-server-subnet';
import { SMALLER_THAN_API_SERVER_NEEDS, SUBNET_TYPE } from './rules/subnet-rules';

/**
 * What Azure reports about an existing subnet (as `network.getSubnet` returns it).
 * @category API server access
 */
export interface ObservedSubnet {
  readonly id: string;
  readonly addressPrefix?: string;
  readonly addressPrefixes?: readonly string[];
  readonly delegations?: readonly { readonly serviceName?: string }[];
}

export { API_SERVER_SUBNET_DELEGATION };

/**
 * Checks an existing API server subnet as Azure reports it: delegated to
 * `Microsoft.ContainerService/managedClusters` and at least /28. The offline
 * model cannot see a subnet brought by id; the Pulumi component runs this on
 * the live subnet before the cluster is created.
 * @category API server access
 */
export function checkExistingApiServerSubnet(subnet: ObservedSubnet): Violation[] {
  const v = new ViolationCollector();
  if (!delegatedToManagedClusters(subnet.delegations ?? [])) {
    v.add(
      Rules.apiServerSubnetDedicated,
      'network.apiServerSubnetId',
      subnet.id,
      `delegate the subnet to ${API_SERVER_SUBNET_DELEGATION} and keep other workloads out of it`,
      `its delegations are ${JSON.stringify((subnet.delegations ?? []).map((d) => d.serviceName))}`,
    );
  }
  const prefixes = subnet.addressPrefixes && subnet.addressPrefixes.length > 0 ? subnet.addressPrefixes : [subnet.addressPrefix ?? ''];
  // The condition the cluster rule and the subnet's definition decide, on the subnet as Azure reports it.
  if (conditionHoldsOnResource(Rules.apiServerSubnetSize, SUBNET_TYPE, SMALLER_THAN_API_SERVER_NEEDS, { properties: subnet }, { document: subnet.id, pointer: '' }) === true) {
    v.add(Rules.apiServerSubnetSize, 'network.apiServerSubnetId', subnet.id, 'use a /28 or larger subnet', `its prefixes are ${prefixes.join(', ')}`);
  }
  return v.errors;
}
