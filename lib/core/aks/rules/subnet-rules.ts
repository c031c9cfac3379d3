import { Cond, ResourceCondition } from '../../rules/resource-condition';
import { ResourceRule } from '../../rules/resource-rule';
import { Rules } from '../../validation/rule-catalog';
import { API_SERVER_SUBNET_MAX_PREFIX } from '../aks-limits';
import { API_SERVER_SUBNET_DELEGATION } from '../api-server-subnet';

/**
 * The rules a subnet made for AKS breaks on its own. A subnet delegated to
 * Microsoft.ContainerService/managedClusters is an API Server VNet
 * Integration subnet: AKS documents no other use of that delegation.
 * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 */

/**
 * The ARM type of a subnet written as its own resource.
 * @internal
 */
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/** A subnet delegated to managed clusters: for API Server VNet Integration. */
const DELEGATED_TO_MANAGED_CLUSTERS: ResourceCondition = Cond.some('properties.delegations', Cond.is('properties.serviceName', API_SERVER_SUBNET_DELEGATION));

/**
 * Smaller than the API server needs: its prefix, or each of its prefixes (a dual-stack subnet's), is longer than /28.
 * @internal
 */
export const SMALLER_THAN_API_SERVER_NEEDS: ResourceCondition = Cond.anyOf(
  Cond.prefixLonger('properties.addressPrefix', API_SERVER_SUBNET_MAX_PREFIX),
  Cond.allOf(
    Cond.some('properties.addressPrefixes', Cond.prefixLonger('', API_SERVER_SUBNET_MAX_PREFIX)),
    Cond.not(Cond.some('properties.addressPrefixes', Cond.not(Cond.prefixLonger('', API_SERVER_SUBNET_MAX_PREFIX)))),
  ),
);

/**
 * Every rule decided on a subnet alone, as its own resource or inline in its
 * virtual network (Azure Policy judges both: a subnet created with its
 * network is part of the network's request).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias#understanding-the-array-alias
 */
export const SUBNET_RULES: readonly ResourceRule[] = [
  {
    rule: Rules.apiServerSubnetSize,
    judges: `the subnets delegated to ${API_SERVER_SUBNET_DELEGATION} (as their own resources or inline in their virtual network)`,
    type: SUBNET_TYPE,
    inline: { type: 'Microsoft.Network/virtualNetworks', list: 'properties.subnets' },
    appliesWhen: DELEGATED_TO_MANAGED_CLUSTERS,
    brokenWhen: SMALLER_THAN_API_SERVER_NEEDS,
    properties: ['addressPrefix', 'addressPrefixes'],
    fix: `use a /${API_SERVER_SUBNET_MAX_PREFIX} or larger subnet: it is delegated to ${API_SERVER_SUBNET_DELEGATION}`,
  },
];
