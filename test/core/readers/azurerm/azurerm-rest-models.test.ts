import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../../lib/core/description/unknown-value';
import { AttributeReader } from '../../../../lib/core/readers/azurerm/attribute-reader';
import { mapKubernetesCluster } from '../../../../lib/core/readers/azurerm/azurerm-kubernetes-cluster';
import { MicrosoftModels } from '../../../support/microsoft-models';
import { unknownProperties } from '../../../support/template-resources';

/** The known part of a described body: unknown values dropped, as a reader of the model sees it. */
function knownPart(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isUnknown(v)).map(knownPart);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !isUnknown(v) && v !== undefined).map(([k, v]) => [k, knownPart(v)]));
}

function roundTripLoss(type: string, body: unknown): string[] {
  const wire = knownPart(body);
  return unknownProperties(wire, MicrosoftModels[type].roundTrip(wire));
}

/** Every attribute of the mapping set, in azurerm 4 names, so that every REST property it writes is checked. */
const EVERYTHING = {
  name: 'aks',
  location: 'westeurope',
  dns_prefix: 'aks',
  dns_prefix_private_cluster: 'aks',
  kubernetes_version: '1.33',
  private_cluster_enabled: true,
  private_cluster_public_fqdn_enabled: true,
  private_dns_zone_id: 'System',
  local_account_disabled: true,
  run_command_enabled: false,
  role_based_access_control_enabled: true,
  sku_tier: 'Premium',
  support_plan: 'AKSLongTermSupport',
  node_resource_group: 'nodes',
  disk_encryption_set_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des',
  automatic_upgrade_channel: 'stable',
  node_os_upgrade_channel: 'NodeImage',
  oidc_issuer_enabled: true,
  workload_identity_enabled: true,
  image_cleaner_enabled: true,
  image_cleaner_interval_hours: 48,
  azure_policy_enabled: true,
  http_application_routing_enabled: false,
  open_service_mesh_enabled: false,
  identity: [{ type: 'UserAssigned', identity_ids: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id'] }],
  kubelet_identity: [{ user_assigned_identity_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet', client_id: 'c', object_id: 'o' }],
  api_server_access_profile: [{ authorized_ip_ranges: ['203.0.113.0/24'], virtual_network_integration_enabled: true, subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/api' }],
  azure_active_directory_role_based_access_control: [{ azure_rbac_enabled: true, admin_group_object_ids: ['g'], tenant_id: 't' }],
  default_node_pool: [
    {
      name: 'system',
      vm_size: 'Standard_D4s_v5',
      auto_scaling_enabled: true,
      node_count: 3,
      min_count: 3,
      max_count: 5,
      zones: ['1', '2'],
      vnet_subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes',
      pod_subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pods',
      fips_enabled: true,
      host_encryption_enabled: true,
      node_public_ip_enabled: true,
      node_public_ip_prefix_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPPrefixes/p',
      ultra_ssd_enabled: false,
      os_sku: 'AzureLinux',
      os_disk_type: 'Ephemeral',
      os_disk_size_gb: 64,
      kubelet_disk_type: 'OS',
      max_pods: 60,
      orchestrator_version: '1.33',
      only_critical_addons_enabled: true,
      node_labels: { role: 'system' },
      workload_runtime: 'OCIContainer',
      tags: { pool: 'system' },
    },
  ],
  network_profile: [
    {
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      network_data_plane: 'cilium',
      network_policy: 'cilium',
      pod_cidr: '192.168.0.0/16',
      pod_cidrs: ['192.168.0.0/16'],
      service_cidr: '10.0.0.0/16',
      service_cidrs: ['10.0.0.0/16'],
      dns_service_ip: '10.0.0.10',
      ip_versions: ['IPv4'],
      outbound_type: 'userDefinedRouting',
      load_balancer_sku: 'standard',
      advanced_networking: [{ observability_enabled: true, security_enabled: true }],
    },
  ],
  oms_agent: [{ log_analytics_workspace_id: 'w', msi_auth_for_monitoring_enabled: true }],
  key_vault_secrets_provider: [{ secret_rotation_enabled: true, secret_rotation_interval: '2m' }],
  ingress_application_gateway: [{ gateway_id: 'g' }],
  microsoft_defender: [{ log_analytics_workspace_id: 'w' }],
  key_management_service: [{ key_vault_key_id: 'https://kv.vault.azure.net/keys/k/1', key_vault_network_access: 'Public' }],
  service_mesh_profile: [
    {
      mode: 'Istio',
      revisions: ['asm-1-25'],
      internal_ingress_gateway_enabled: true,
      external_ingress_gateway_enabled: false,
      certificate_authority: [{ key_vault_id: 'kv', root_cert_object_name: 'root', cert_chain_object_name: 'chain', cert_object_name: 'cert', key_object_name: 'key' }],
    },
  ],
  linux_profile: [{ admin_username: 'azureuser', ssh_key: [{ key_data: 'ssh-rsa AAAA' }] }],
  tags: { env: 'prod' },
};

describe("the readers write only properties of Microsoft's models (@azure/arm-containerservice 25.5.0, API 2026-06-01)", () => {
  it('maps every azurerm attribute to a property the managed cluster model has', () => {
    const body = mapKubernetesCluster(new AttributeReader(EVERYTHING, '', 'terraform'));
    expect(roundTripLoss('Microsoft.ContainerService/managedClusters', body)).toEqual([]);
  });

});
