/**
 * Built-in Azure role definition ids (the same in every tenant).
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 * @category Network and identity
 */
export const BuiltInRoles = {
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7',
  privateDnsZoneContributor: 'b12aa53e-6015-4669-85d0-8515ebb3ae7f',
  /** Wrap and unwrap with a key: what the KMS plugin does (https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption). */
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424',
  /** Manage a vault, here: AKS creates the private link to a private vault for KMS. */
  keyVaultContributor: 'f25e0fa2-a7c8-4377-a976-54943a77a395',
  /** Pull images: the kubelet identity on a registry brought for a network isolated cluster. */
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  /** Assign an identity: the control plane identity on a kubelet identity it attaches to nodes. */
  managedIdentityOperator: 'f1a07417-d97a-45cb-824c-7a7467783830',
} as const;

/**
 * The two actions `az aks command invoke` needs, and nothing else (Microsoft Learn,
 * "Access a private AKS cluster").
 * @see https://learn.microsoft.com/azure/aks/access-private-cluster
 * @category Network and identity
 */
export const RUN_COMMAND_ACTIONS = [
  'Microsoft.ContainerService/managedClusters/runcommand/action',
  'Microsoft.ContainerService/managedClusters/commandResults/read',
] as const;
