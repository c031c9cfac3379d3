import { UnknownValue } from '../../description/unknown-value';
import { mapAgentPool } from './azurerm-agent-pool';
import { mapAadProfile, mapApiServerAccessProfile, mapEnableRbac, mapIdentity, mapIdentityProfile } from './azurerm-cluster-access';
import { mapAddonProfiles, mapAutoUpgradeProfile, mapSecurityProfile } from './azurerm-cluster-addons';
import { mapLinuxProfile, mapNetworkProfile, mapServiceMeshProfile } from './azurerm-cluster-network';
import { AttributeReader } from './attribute-reader';
import { boolOf, built, Sent, stringMapOf, stringOf } from './attribute-values';

/** The REST type of an AKS cluster. */
export const MANAGED_CLUSTERS = 'Microsoft.ContainerService/managedClusters';

/**
 * An `azurerm_kubernetes_cluster` (Terraform) or classic Pulumi
 * `KubernetesCluster` as the REST body of
 * `Microsoft.ContainerService/managedClusters` the provider sends on create:
 * one mapping for azurerm 2, 3 and 4 names and both spellings. Attributes the
 * provider always sends are mapped with its default when unset; blocks it
 * sends only when set stay absent (Azure's default applies).
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/containers/kubernetes_cluster_resource.go (resourceKubernetesClusterCreate)
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update
 */
export function mapKubernetesCluster(r: AttributeReader): Record<string, unknown> {
  const { identity, servicePrincipalProfile } = mapIdentity(r);
  const defaultPool = r.block('default_node_pool');
  return built(
    {
      location: normalizedLocation(stringOf(r, ['location'])),
      tags: stringMapOf(r, ['tags']),
      sku: built({ name: 'Base', tier: skuTier(stringOf(r, ['sku_tier'], 'Free')) }, r.pointer),
      identity,
      properties: built(
        {
          kubernetesVersion: stringOf(r, ['kubernetes_version']),
          dnsPrefix: stringOf(r, ['dns_prefix']),
          fqdnSubdomain: stringOf(r, ['dns_prefix_private_cluster']),
          enableRBAC: mapEnableRbac(r),
          disableLocalAccounts: boolOf(r, ['local_account_disabled'], false),
          aadProfile: mapAadProfile(r),
          apiServerAccessProfile: mapApiServerAccessProfile(r),
          servicePrincipalProfile,
          identityProfile: mapIdentityProfile(r),
          agentPoolProfiles: defaultPool instanceof AttributeReader ? [mapAgentPool(defaultPool, 'default_node_pool')] : defaultPool,
          linuxProfile: mapLinuxProfile(r),
          networkProfile: mapNetworkProfile(r),
          addonProfiles: mapAddonProfiles(r),
          securityProfile: mapSecurityProfile(r),
          oidcIssuerProfile: { enabled: boolOf(r, ['oidc_issuer_enabled'], false) },
          autoUpgradeProfile: mapAutoUpgradeProfile(r),
          serviceMeshProfile: mapServiceMeshProfile(r),
          diskEncryptionSetID: stringOf(r, ['disk_encryption_set_id']),
          nodeResourceGroup: stringOf(r, ['node_resource_group']),
          supportPlan: stringOf(r, ['support_plan']),
        },
        r.pointer,
      ),
    },
    r.pointer,
  );
}

/**
 * The SKU tier: `Paid` (azurerm before 3.51, AKS API before 2023-02-01) is
 * today's `Standard`, the tier with the uptime SLA.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#sku_tier
 */
function skuTier(tier: Sent<string>): Sent<string> {
  return typeof tier === 'string' && tier.toLowerCase() === 'paid' ? 'Standard' : tier;
}

/** The location as the provider sends it: lower case without spaces (`West Europe` → `westeurope`). */
export function normalizedLocation(location: Sent<string>): Sent<string> {
  return typeof location === 'string' ? location.replace(/\s+/g, '').toLowerCase() : location;
}

/** The ARM name of a cluster or pool: the `name` attribute, unknown when the document does not give it. */
export function armName(r: AttributeReader, unknownReason: string): string | UnknownValue {
  const name = stringOf(r, ['name']);
  return name === undefined ? new UnknownValue(unknownReason) : name;
}
