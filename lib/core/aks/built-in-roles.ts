/**
 * Built-in Azure role definition ids (the same in every tenant).
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
export const BuiltInRoles = {
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7',
  privateDnsZoneContributor: 'b12aa53e-6015-4669-85d0-8515ebb3ae7f',
} as const;

/**
 * The two actions `az aks command invoke` needs, and nothing else (Microsoft Learn,
 * "Access a private AKS cluster").
 * @see https://learn.microsoft.com/azure/aks/access-private-cluster
 */
export const RUN_COMMAND_ACTIONS = [
  'Microsoft.ContainerService/managedClusters/runcommand/action',
  'Microsoft.ContainerService/managedClusters/commandResults/read',
] as const;
