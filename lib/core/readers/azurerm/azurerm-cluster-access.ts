import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from './attribute-reader';
import { boolOf, built, Sent, stringListOf, stringOf } from './attribute-values';

/**
 * The API server's exposure as the provider sends it
 * (`expandKubernetesClusterAPIAccessProfile`): private cluster, public FQDN
 * and run command always; authorized ranges from `api_server_access_profile`
 * (azurerm 3.x/4) or the top-level `api_server_authorized_ip_ranges`
 * (azurerm 2/3); VNet integration when the block is set (named
 * `vnet_integration_enabled` in azurerm 3).
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#api_server_access_profile
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/containers/kubernetes_cluster_resource.go
 */
export function mapApiServerAccessProfile(r: AttributeReader): Record<string, unknown> {
  const block = r.block('api_server_access_profile');
  const runCommand = boolOf(r, ['run_command_enabled'], true);
  return built(
    {
      // `private_link_enabled` is azurerm 2's name of `private_cluster_enabled`.
      enablePrivateCluster: boolOf(r, ['private_cluster_enabled', 'private_link_enabled'], false),
      enablePrivateClusterPublicFQDN: boolOf(r, ['private_cluster_public_fqdn_enabled'], false),
      disableRunCommand: typeof runCommand === 'boolean' ? !runCommand : runCommand,
      privateDNSZone: stringOf(r, ['private_dns_zone_id']),
      authorizedIPRanges: authorizedRanges(r, block),
      enableVnetIntegration: block instanceof UnknownValue ? block : block ? boolOf(block, ['virtual_network_integration_enabled', 'vnet_integration_enabled'], false) : undefined,
      subnetId: block instanceof UnknownValue ? block : block ? stringOf(block, ['subnet_id']) : undefined,
    },
    r.pointer,
  );
}

function authorizedRanges(r: AttributeReader, block: AttributeReader | UnknownValue | undefined): Sent<Array<string | UnknownValue>> {
  const fromBlock = block instanceof UnknownValue ? block : block ? stringListOf(block, ['authorized_ip_ranges']) : undefined;
  if (fromBlock !== undefined && !(fromBlock instanceof UnknownValue)) return fromBlock;
  const topLevel = stringListOf(r, ['api_server_authorized_ip_ranges']);
  // An unknown block may still hold the ranges: unknown unless the top level gives them.
  if (fromBlock instanceof UnknownValue) return topLevel ?? fromBlock;
  return topLevel;
}

/**
 * Entra ID integration: azurerm 4's `azure_active_directory_role_based_access_control`
 * is always AKS-managed; azurerm 3's has `managed` (false: the legacy
 * integration with client and server applications); azurerm 2 nests it in
 * `role_based_access_control[0].azure_active_directory`.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#azure_active_directory_role_based_access_control
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/3.116.0/docs/resources/kubernetes_cluster#azure_active_directory_role_based_access_control
 */
export function mapAadProfile(r: AttributeReader): Sent<Record<string, unknown>> {
  let aad = r.block('azure_active_directory_role_based_access_control');
  if (aad === undefined) {
    const rbac = r.block('role_based_access_control');
    aad = rbac instanceof AttributeReader ? rbac.block('azure_active_directory') : rbac;
  }
  if (!(aad instanceof AttributeReader)) return aad;
  const managed = aad.has('managed') ? boolOf(aad, ['managed'], false) : true;
  if (managed === false) {
    return built({ managed: false, clientAppID: stringOf(aad, ['client_app_id']), serverAppID: stringOf(aad, ['server_app_id']), tenantID: stringOf(aad, ['tenant_id']) }, aad.pointer);
  }
  return built(
    {
      managed,
      enableAzureRBAC: boolOf(aad, ['azure_rbac_enabled'], false),
      adminGroupObjectIDs: stringListOf(aad, ['admin_group_object_ids']),
      tenantID: stringOf(aad, ['tenant_id']),
    },
    aad.pointer,
  );
}

/**
 * Kubernetes RBAC: `role_based_access_control_enabled` (azurerm 3/4, default
 * true), or azurerm 2's `role_based_access_control[0].enabled`.
 */
export function mapEnableRbac(r: AttributeReader): Sent<boolean> {
  const legacy = r.block('role_based_access_control');
  if (legacy instanceof AttributeReader) return boolOf(legacy, ['enabled'], false);
  if (!r.has('role_based_access_control_enabled') && legacy instanceof UnknownValue) return legacy;
  return boolOf(r, ['role_based_access_control_enabled'], true);
}

/**
 * The cluster identity and its service principal profile: with `identity`
 * the provider sends the client id `msi`; with `service_principal` its client
 * id and secret. The secret is never copied into the description.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#identity
 */
export function mapIdentity(r: AttributeReader): { identity: Sent<Record<string, unknown>>; servicePrincipalProfile: Sent<Record<string, unknown>> } {
  const identity = r.block('identity');
  const sp = r.block('service_principal');
  let mappedIdentity: Sent<Record<string, unknown>> = identity instanceof UnknownValue ? identity : undefined;
  let profile: Sent<Record<string, unknown>> = sp instanceof UnknownValue ? sp : undefined;
  if (identity instanceof AttributeReader) {
    const ids = stringListOf(identity, ['identity_ids']);
    mappedIdentity = built(
      {
        type: stringOf(identity, ['type']),
        userAssignedIdentities: Array.isArray(ids) ? Object.fromEntries(ids.map((id) => [String(id), {}])) : ids,
      },
      identity.pointer,
    );
    profile = built({ clientId: 'msi' }, identity.pointer);
  }
  if (sp instanceof AttributeReader) {
    const secret = sp.get('client_secret');
    profile = built(
      { clientId: stringOf(sp, ['client_id']), secret: secret ? new UnknownValue('the service principal secret is not read') : undefined },
      sp.pointer,
    );
  }
  return { identity: mappedIdentity, servicePrincipalProfile: profile };
}

/** The kubelet identity (`kubelet_identity`) as the identity profile's `kubeletidentity`. */
export function mapIdentityProfile(r: AttributeReader): Sent<Record<string, unknown>> {
  const kubelet = r.block('kubelet_identity');
  if (!(kubelet instanceof AttributeReader)) return kubelet;
  const resourceId = stringOf(kubelet, ['user_assigned_identity_id']);
  if (resourceId === undefined) return undefined;
  return { kubeletidentity: built({ resourceId, clientId: stringOf(kubelet, ['client_id']), objectId: stringOf(kubelet, ['object_id']) }, kubelet.pointer) };
}
