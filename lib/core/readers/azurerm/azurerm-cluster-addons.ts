import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from './attribute-reader';
import { boolOf, built, configFlag, numberOf, Sent, stringOf } from './attribute-values';

/**
 * The add-on profiles the provider sends (`expandKubernetesAddOns`): Azure
 * Policy always (enabled or not, config version v2); the OMS agent, the Key
 * Vault secrets provider and the application gateway ingress when their block
 * is set; HTTP application routing and Open Service Mesh when set. azurerm 2
 * wrote them in `addon_profile`.
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/containers/kubernetes_addons.go
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/2.99.0/docs/resources/kubernetes_cluster#addon_profile
 */
export function mapAddonProfiles(r: AttributeReader): Sent<Record<string, unknown>> {
  const legacy = r.block('addon_profile');
  if (legacy instanceof UnknownValue && !r.has('azure_policy_enabled')) return legacy;
  const source = legacy instanceof AttributeReader ? legacyAddons(legacy) : currentAddons(r);
  return built(source, r.pointer);
}

function currentAddons(r: AttributeReader): Record<string, unknown> {
  const oms = r.block('oms_agent');
  const kv = r.block('key_vault_secrets_provider');
  const agic = r.block('ingress_application_gateway');
  return {
    // azurerm 4 always sends Azure Policy's profile; azurerm 3 only when set to true, which Azure reads the same way.
    azurepolicy: { enabled: boolOf(r, ['azure_policy_enabled'], false), config: { version: 'v2' } },
    omsagent: oms instanceof AttributeReader ? omsAgent(oms, true) : oms,
    azureKeyvaultSecretsProvider: kv instanceof AttributeReader ? secretsProvider(kv, true) : kv,
    ingressApplicationGateway: agic instanceof AttributeReader ? applicationGateway(agic) : agic,
    httpApplicationRouting: enabledIfSet(r, 'http_application_routing_enabled'),
    openServiceMesh: enabledIfSet(r, 'open_service_mesh_enabled'),
  };
}

function legacyAddons(addons: AttributeReader): Record<string, unknown> {
  const profile = (name: string, map?: (b: AttributeReader, enabled: Sent<boolean>) => Record<string, unknown>) => {
    const b = addons.block(name);
    if (!(b instanceof AttributeReader)) return b;
    const enabled = boolOf(b, ['enabled'], false);
    return map ? map(b, enabled) : built({ enabled }, b.pointer);
  };
  return {
    azurepolicy: profile('azure_policy'),
    omsagent: profile('oms_agent', (b, enabled) => omsAgent(b, enabled)),
    azureKeyvaultSecretsProvider: profile('azure_keyvault_secrets_provider', (b, enabled) => secretsProvider(b, enabled)),
    kubeDashboard: profile('kube_dashboard'),
    httpApplicationRouting: profile('http_application_routing'),
  };
}

function omsAgent(b: AttributeReader, enabled: Sent<boolean>): Record<string, unknown> {
  const useAad = boolOf(b, ['msi_auth_for_monitoring_enabled']);
  return built(
    { enabled, config: built({ logAnalyticsWorkspaceResourceID: stringOf(b, ['log_analytics_workspace_id']), useAADAuth: configFlag(useAad) }, b.pointer) },
    b.pointer,
  );
}

function secretsProvider(b: AttributeReader, enabled: Sent<boolean>): Record<string, unknown> {
  return built(
    {
      enabled,
      config: built(
        {
          enableSecretRotation: configFlag(boolOf(b, ['secret_rotation_enabled'], false)),
          rotationPollInterval: stringOf(b, ['secret_rotation_interval'], '2m'),
        },
        b.pointer,
      ),
    },
    b.pointer,
  );
}

function applicationGateway(b: AttributeReader): Record<string, unknown> {
  return built(
    {
      enabled: true,
      config: built(
        {
          applicationGatewayId: stringOf(b, ['gateway_id']),
          applicationGatewayName: stringOf(b, ['gateway_name']),
          subnetCIDR: stringOf(b, ['subnet_cidr']),
          subnetId: stringOf(b, ['subnet_id']),
        },
        b.pointer,
      ),
    },
    b.pointer,
  );
}

/** An add-on the provider sends only when its flag is set. */
function enabledIfSet(r: AttributeReader, name: string): Sent<Record<string, unknown>> {
  const enabled = boolOf(r, [name]);
  return enabled === undefined ? undefined : { enabled };
}

/**
 * The security profile: Defender when `microsoft_defender` is set, workload
 * identity when enabled (the provider sends it only when true), the image
 * cleaner when enabled, and KMS etcd encryption when `key_management_service`
 * is set (for a private key vault the provider looks its resource id up at
 * apply).
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#key_management_service
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update#managedclustersecurityprofile
 */
export function mapSecurityProfile(r: AttributeReader): Record<string, unknown> {
  const defender = r.block('microsoft_defender');
  const workloadIdentity = boolOf(r, ['workload_identity_enabled'], false);
  const imageCleaner = boolOf(r, ['image_cleaner_enabled'], false);
  const kms = r.block('key_management_service');
  return built(
    {
      defender:
        defender instanceof AttributeReader
          ? built({ securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: stringOf(defender, ['log_analytics_workspace_id']) }, defender.pointer)
          : defender,
      workloadIdentity: workloadIdentity === false ? undefined : { enabled: workloadIdentity },
      imageCleaner: imageCleaner === false ? undefined : built({ enabled: imageCleaner, intervalHours: numberOf(r, ['image_cleaner_interval_hours']) }, r.pointer),
      azureKeyVaultKms: kms instanceof AttributeReader ? keyVaultKms(kms) : kms,
    },
    r.pointer,
  );
}

function keyVaultKms(kms: AttributeReader): Record<string, unknown> {
  const access = stringOf(kms, ['key_vault_network_access'], 'Public');
  return built(
    {
      enabled: true,
      keyId: stringOf(kms, ['key_vault_key_id']),
      keyVaultNetworkAccess: access,
      keyVaultResourceId: access === 'Public' ? undefined : new UnknownValue('looked up by the provider from the key vault URL at apply'),
    },
    kms.pointer,
  );
}

/**
 * The auto-upgrade profile: the cluster channel (`none` when unset) and the
 * node OS channel when set; azurerm 3 named them `automatic_channel_upgrade`
 * and `node_os_channel_upgrade`.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#automatic_upgrade_channel
 */
export function mapAutoUpgradeProfile(r: AttributeReader): Record<string, unknown> {
  return built(
    {
      upgradeChannel: stringOf(r, ['automatic_upgrade_channel', 'automatic_channel_upgrade'], 'none'),
      nodeOSUpgradeChannel: stringOf(r, ['node_os_upgrade_channel', 'node_os_channel_upgrade']),
    },
    r.pointer,
  );
}
