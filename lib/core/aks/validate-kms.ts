import { isResourceIdOfType } from '../arm/resource-id';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { ResolvedClusterConfig } from './resolved-cluster-config';

/**
 * A versioned Key Vault key identifier, in the public and sovereign clouds:
 * `https://<vault>.vault.azure.net/keys/<key>/<version>`.
 * @see https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
 */
const KEY_ID = /^https:\/\/([a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9])\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)\/keys\/([a-zA-Z0-9-]{1,127})\/([0-9a-fA-F]{32})$/;

/**
 * The vault name of a key identifier, when it is one.
 * @category Network and identity
 */
export function kmsKeyVaultName(keyId: string): string | undefined {
  return KEY_ID.exec(keyId)?.[1];
}

/**
 * KMS etcd encryption with a key the user brings, by Microsoft Learn's rules.
 * @see https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption
 * @category Network and identity
 */
export function validateKms(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const kms = c.kms;
  if (kms === undefined) return;
  if (kms.keyVaultResourceId !== undefined && !isResourceIdOfType(kms.keyVaultResourceId, 'Microsoft.KeyVault/vaults')) {
    v.add(Rules.resourceId, 'kms.keyVaultResourceId', kms.keyVaultResourceId, 'pass a Microsoft.KeyVault/vaults resource id');
  }
  if (kms.keyVaultNetworkAccess !== 'Private' && kms.keyVaultResourceId === undefined) {
    v.add(Rules.kmsRoleNotGranted, 'kms.keyVaultResourceId', undefined, 'pass keyVaultResourceId to have the role granted, or grant Key Vault Crypto User on the key yourself');
  }
}
