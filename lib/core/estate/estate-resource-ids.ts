import { EstateClusterProps } from './estate-props';

/**
 * The resource group of a cluster's template (and of its spoke, when the library creates it).
 * @internal
 */
export function estateClusterResourceGroup(c: Pick<EstateClusterProps, 'name' | 'resourceGroupName'>): string {
  return c.resourceGroupName ?? `rg-${c.name}`;
}

/**
 * The resource id of a cluster's spoke network: the brought spoke's, or the one the library creates in the cluster's resource group.
 * @internal
 */
export function estateSpokeNetworkId(c: Pick<EstateClusterProps, 'name' | 'resourceGroupName' | 'existingSpoke'>, subscriptionId: string): string {
  return c.existingSpoke?.virtualNetworkId ?? `/subscriptions/${subscriptionId}/resourceGroups/${estateClusterResourceGroup(c)}/providers/Microsoft.Network/virtualNetworks/${c.name}-vnet`;
}

/**
 * The resource id of a cluster of the estate (its template's managed cluster).
 * @internal
 */
export function estateClusterId(c: Pick<EstateClusterProps, 'name' | 'resourceGroupName'>, subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${estateClusterResourceGroup(c)}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
}
