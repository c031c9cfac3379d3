import { isResourceIdOfType, parseResourceId } from '../arm/resource-id';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { ResolvedClusterConfig } from './resolved-cluster-config';

/**
 * A versioned Key Vault key identifier, in the public and sovereign clouds:
 * `https://<vault>.vault.azure.net/keys/<key>/<version>`.
 * @see https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
 */
const KEY_ID = /^https:\/\/([a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9])\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)\/keys\/([a-zA-Z0-9-]{1,127})\/([0-9a-fA-F]{32})$/;

/** The vault name of a key identifier, when it is one. */
export function kmsKeyVaultName(keyId: string): string | undefined {
  return KEY_ID.exec(keyId)?.[1];
}

/**
 * KMS etcd encryption with a key the user brings, by Microsoft Learn's rules.
 * @see https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption
 */
export function validateKms(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const kms = c.kms;
  if (kms === undefined) {
    v.add(Rules.kmsOff, 'kms', undefined, 'bring a Key Vault key: kms: { keyId, keyVaultNetworkAccess: "Private", keyVaultResourceId }');
    return;
  }
  const vaultName = kmsKeyVaultName(kms.keyId);
  if (vaultName === undefined) {
    v.add(Rules.kmsKeyId, 'kms.keyId', kms.keyId, 'use the key\'s versioned identifier, e.g. https://my-vault.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef');
  }
  if (kms.keyVaultResourceId !== undefined) {
    const vault = parseResourceId(kms.keyVaultResourceId);
    if (!isResourceIdOfType(kms.keyVaultResourceId, 'Microsoft.KeyVault/vaults')) {
      v.add(Rules.resourceId, 'kms.keyVaultResourceId', kms.keyVaultResourceId, 'pass a Microsoft.KeyVault/vaults resource id');
    } else if (vaultName !== undefined && vault!.names[0].toLowerCase() !== vaultName.toLowerCase()) {
      v.add(Rules.kmsPrivateVault, 'kms.keyVaultResourceId', kms.keyVaultResourceId, `pass the id of vault "${vaultName}", which holds the key`);
    }
  }
  if (kms.keyVaultNetworkAccess === 'Private') {
    if (kms.keyVaultResourceId === undefined) {
      v.add(Rules.kmsPrivateVault, 'kms.keyVaultResourceId', undefined, 'pass the vault\'s resource id: AKS creates the private link to it');
    }
    if (!c.apiServerAccess.vnetIntegration) {
      v.add(Rules.kmsPrivateVault, 'kms.keyVaultNetworkAccess', 'Private', 'turn on API Server VNet Integration (the default of ApiServerAccess.private()), or use a public vault');
    }
  } else if (kms.keyVaultResourceId === undefined) {
    v.add(Rules.kmsRoleNotGranted, 'kms.keyVaultResourceId', undefined, 'pass keyVaultResourceId to have the role granted, or grant Key Vault Crypto User on the key yourself');
  }
  if (!c.identity.isUserAssigned) {
    v.add(Rules.kmsIdentity, 'identity', 'systemAssigned', 'use ClusterIdentity.create() or ClusterIdentity.fromUserAssigned(...)');
  }
}
