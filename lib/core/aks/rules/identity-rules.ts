import { isResourceIdOfType, parseResourceId } from '../../arm/resource-id';
import { clusterRule, ClusterRule } from '../../rules/cluster-rule';
import { conditionRule, poolConditionRule } from '../../rules/condition-rule';
import { Cond } from '../../rules/resource-condition';
import { Rules } from '../../validation/rule-catalog';
import { kmsKeyVaultName } from '../validate-kms';
import { hasVnetIntegration, same } from './cluster-facts';

/**
 * Who the cluster is and who may sign in: managed identity, Entra ID with
 * Azure RBAC, no local accounts, and KMS with a key the customer owns.
 * @see https://learn.microsoft.com/azure/aks/use-managed-identity
 * @see https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad
 * @see https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption
 */

const KMS = 'properties.securityProfile.azureKeyVaultKms';

/** Whether KMS is on. */
function kmsEnabled(c: Parameters<ClusterRule['check']>[0]): boolean {
  return c.bool(c.fact(`${KMS}.enabled`)) === true;
}

export const IDENTITY_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.servicePrincipalIdentity, 'cluster', (c) => {
    // Property names are case-insensitive in ARM: "ClientId" is clientId.
    const fact = c.fact('properties.servicePrincipalProfile.clientId');
    const clientId = c.text(fact);
    // With a managed identity and no secret, the profile is not what the cluster runs as (AKS reports
    // "msi" there; a recorded GET may show another id). A secret is a credential in the payload either way.
    const identity = c.text(c.fact('identity.type'));
    const managed = same(identity, 'SystemAssigned') || same(identity, 'UserAssigned');
    // A secret a reader keeps hidden (unknown) is still a secret that is there.
    const secret = c.fact('properties.servicePrincipalProfile.secret').state !== 'absent';
    if (clientId !== undefined && clientId !== '' && !same(clientId, 'msi') && (!managed || secret)) {
      c.fail(fact, 'use a managed identity (identity.type SystemAssigned or UserAssigned) and drop servicePrincipalProfile');
    }
  }),
  conditionRule(Rules.localAccountsEnabled, Cond.not(Cond.is('properties.disableLocalAccounts', true)), (c) => {
    const fact = c.fact('properties.disableLocalAccounts');
    c.fail(fact, 'set disableLocalAccounts: true (needs Entra ID integration)', { value: c.bool(fact) ?? false });
  }),
  conditionRule(Rules.kubernetesRbacOff, Cond.anyOf(Cond.is('properties.enableRBAC', false), Cond.not(Cond.is('properties.aadProfile.enableAzureRBAC', true))), (c) => {
    const rbac = c.fact('properties.enableRBAC');
    const at = c.bool(rbac) === false ? rbac : c.fact('properties.aadProfile.enableAzureRBAC');
    c.fail(at, 'set enableRBAC: true and aadProfile: { managed: true, enableAzureRBAC: true }');
  }),
  poolConditionRule(Rules.nodePublicIp, Cond.is('enableNodePublicIP', true), (c, pool) => {
    c.fail(pool.profile.fact('enableNodePublicIP'), 'set enableNodePublicIP: false; reach nodes through the cluster network or a bastion');
  }),
  clusterRule(Rules.kmsKeyId, 'cluster', (c) => {
    if (!kmsEnabled(c)) return;
    const fact = c.fact(`${KMS}.keyId`);
    const keyId = c.text(fact);
    if (keyId === undefined || kmsKeyVaultName(keyId) === undefined) c.fail(fact, 'use the key\'s versioned identifier, https://<vault>.vault.azure.net/keys/<key>/<version>, e.g. https://my-vault.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef');
  }),
  clusterRule(Rules.kmsPrivateVault, 'cluster', (c) => {
    if (!kmsEnabled(c) || !same(c.text(c.fact(`${KMS}.keyVaultNetworkAccess`)), 'Private')) return;
    const vault = c.fact(`${KMS}.keyVaultResourceId`);
    const id = c.text(vault);
    if (id === undefined || !isResourceIdOfType(id, 'Microsoft.KeyVault/vaults')) {
      c.fail(vault, 'give the Microsoft.KeyVault/vaults id of the key\'s vault: AKS creates the private link to it');
    } else {
      const keyVault = kmsKeyVaultName(c.text(c.fact(`${KMS}.keyId`)) ?? '');
      const named = parseResourceId(id)!.names[0];
      if (keyVault !== undefined && named.toLowerCase() !== keyVault.toLowerCase()) c.fail(vault, `pass the id of vault "${keyVault}", which holds the key`);
    }
    if (!hasVnetIntegration(c)) {
      c.fail(c.fact(`${KMS}.keyVaultNetworkAccess`), { definition: 'turn on API Server VNet Integration (the default of ApiServerAccess.private()), or use a public vault', payload: 'turn on API Server VNet Integration for a private key vault, or use a public vault' });
    }
  }),
  conditionRule(Rules.kmsIdentity, Cond.allOf(Cond.is(`${KMS}.enabled`, true), Cond.not(Cond.is('identity.type', 'UserAssigned'))), (c) => {
    c.fail(c.fact('identity.type'), { definition: 'use ClusterIdentity.create() or ClusterIdentity.fromUserAssigned(...), granted Key Vault Crypto User on the key', payload: 'use a user-assigned control plane identity, granted Key Vault Crypto User on the key' });
  }),
];
