import { describe, expect, it } from 'vitest';
import { recordedPointer } from '../../../../lib/core/description/described-resource';
import { isUnknown, UnknownValue } from '../../../../lib/core/description/unknown-value';
import { AttributeReader } from '../../../../lib/core/readers/azurerm/attribute-reader';
import { mapKubernetesCluster } from '../../../../lib/core/readers/azurerm/azurerm-kubernetes-cluster';

const tf = (values: Record<string, unknown>) => mapKubernetesCluster(new AttributeReader(values, '/values', 'terraform')) as any;
const pulumi = (inputs: Record<string, unknown>) => mapKubernetesCluster(new AttributeReader(inputs, '', 'pulumi')) as any;

const KEY = 'ssh-rsa AAAAB3NzaC1yc2E test';
const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes';
const API_SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apiserver';
const WORKSPACE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs';
const IDENTITY = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks';

/** A hardened azurerm 4 cluster, in Terraform's spelling (snake_case, blocks as lists)… */
const TERRAFORM_V4 = {
  name: 'aks',
  location: 'West Europe',
  dns_prefix_private_cluster: 'aks',
  private_cluster_enabled: true,
  private_cluster_public_fqdn_enabled: false,
  private_dns_zone_id: 'None',
  local_account_disabled: true,
  run_command_enabled: false,
  sku_tier: 'Standard',
  kubernetes_version: '1.33',
  automatic_upgrade_channel: 'patch',
  node_os_upgrade_channel: 'SecurityPatch',
  oidc_issuer_enabled: true,
  workload_identity_enabled: true,
  image_cleaner_enabled: true,
  image_cleaner_interval_hours: 24,
  azure_policy_enabled: true,
  identity: [{ type: 'UserAssigned', identity_ids: [IDENTITY] }],
  api_server_access_profile: [{ virtual_network_integration_enabled: true, subnet_id: API_SUBNET, authorized_ip_ranges: [] }],
  azure_active_directory_role_based_access_control: [{ azure_rbac_enabled: true, admin_group_object_ids: ['group'], tenant_id: 'tenant' }],
  default_node_pool: [
    {
      name: 'system',
      vm_size: 'Standard_D4s_v5',
      node_count: 3,
      zones: ['1', '2', '3'],
      vnet_subnet_id: SUBNET,
      fips_enabled: true,
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      only_critical_addons_enabled: true,
      os_sku: 'AzureLinux',
      max_pods: 50,
    },
  ],
  network_profile: [{ network_plugin: 'azure', network_plugin_mode: 'overlay', network_data_plane: 'cilium', network_policy: 'cilium', pod_cidr: '192.168.0.0/16', service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10', outbound_type: 'userDefinedRouting' }],
  oms_agent: [{ log_analytics_workspace_id: WORKSPACE, msi_auth_for_monitoring_enabled: true }],
  key_vault_secrets_provider: [{ secret_rotation_enabled: true, secret_rotation_interval: '5m' }],
  microsoft_defender: [{ log_analytics_workspace_id: WORKSPACE }],
  key_management_service: [{ key_vault_key_id: 'https://kv.vault.azure.net/keys/etcd/1', key_vault_network_access: 'Private' }],
  service_mesh_profile: [{ mode: 'Istio', revisions: ['asm-1-25'], internal_ingress_gateway_enabled: true, external_ingress_gateway_enabled: false }],
  linux_profile: [{ admin_username: 'azureuser', ssh_key: [{ key_data: KEY }] }],
  tags: { env: 'prod' },
};

/** …and the same cluster as classic Pulumi inputs (camelCase, single blocks as objects). */
const PULUMI_V4 = {
  name: 'aks',
  location: 'West Europe',
  dnsPrefixPrivateCluster: 'aks',
  privateClusterEnabled: true,
  privateClusterPublicFqdnEnabled: false,
  privateDnsZoneId: 'None',
  localAccountDisabled: true,
  runCommandEnabled: false,
  skuTier: 'Standard',
  kubernetesVersion: '1.33',
  automaticUpgradeChannel: 'patch',
  nodeOsUpgradeChannel: 'SecurityPatch',
  oidcIssuerEnabled: true,
  workloadIdentityEnabled: true,
  imageCleanerEnabled: true,
  imageCleanerIntervalHours: 24,
  azurePolicyEnabled: true,
  identity: { type: 'UserAssigned', identityIds: [IDENTITY] },
  apiServerAccessProfile: { virtualNetworkIntegrationEnabled: true, subnetId: API_SUBNET, authorizedIpRanges: [] },
  azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, adminGroupObjectIds: ['group'], tenantId: 'tenant' },
  defaultNodePool: {
    name: 'system',
    vmSize: 'Standard_D4s_v5',
    nodeCount: 3,
    zones: ['1', '2', '3'],
    vnetSubnetId: SUBNET,
    fipsEnabled: true,
    hostEncryptionEnabled: true,
    nodePublicIpEnabled: false,
    onlyCriticalAddonsEnabled: true,
    osSku: 'AzureLinux',
    maxPods: 50,
  },
  networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataPlane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10', outboundType: 'userDefinedRouting' },
  omsAgent: { logAnalyticsWorkspaceId: WORKSPACE, msiAuthForMonitoringEnabled: true },
  keyVaultSecretsProvider: { secretRotationEnabled: true, secretRotationInterval: '5m' },
  microsoftDefender: { logAnalyticsWorkspaceId: WORKSPACE },
  keyManagementService: { keyVaultKeyId: 'https://kv.vault.azure.net/keys/etcd/1', keyVaultNetworkAccess: 'Private' },
  serviceMeshProfile: { mode: 'Istio', revisions: ['asm-1-25'], internalIngressGatewayEnabled: true, externalIngressGatewayEnabled: false },
  linuxProfile: { adminUsername: 'azureuser', sshKey: { keyData: KEY } },
  tags: { env: 'prod' },
};

describe('mapKubernetesCluster: one mapping, two spellings', () => {
  it('maps the Terraform and the classic Pulumi spelling of a cluster to the same REST body', () => {
    expect(JSON.stringify(pulumi(PULUMI_V4))).toBe(JSON.stringify(tf(TERRAFORM_V4)));
  });

  it('maps every setting of the hardened cluster to its REST property', () => {
    const body = tf(TERRAFORM_V4);
    const p = body.properties;
    expect(body.location).toBe('westeurope');
    expect(body.sku).toEqual({ name: 'Base', tier: 'Standard' });
    expect(body.identity).toEqual({ type: 'UserAssigned', userAssignedIdentities: { [IDENTITY]: {} } });
    expect(p.servicePrincipalProfile).toEqual({ clientId: 'msi' });
    expect(p.apiServerAccessProfile).toEqual({
      enablePrivateCluster: true,
      enablePrivateClusterPublicFQDN: false,
      disableRunCommand: true,
      privateDNSZone: 'None',
      enableVnetIntegration: true,
      subnetId: API_SUBNET,
    });
    expect(p.fqdnSubdomain).toBe('aks');
    expect(p.disableLocalAccounts).toBe(true);
    expect(p.enableRBAC).toBe(true);
    expect(p.aadProfile).toEqual({ managed: true, enableAzureRBAC: true, adminGroupObjectIDs: ['group'], tenantID: 'tenant' });
    expect(p.agentPoolProfiles).toEqual([
      {
        name: 'system',
        mode: 'System',
        osType: 'Linux',
        type: 'VirtualMachineScaleSets',
        vmSize: 'Standard_D4s_v5',
        count: 3,
        enableAutoScaling: false,
        availabilityZones: ['1', '2', '3'],
        vnetSubnetID: SUBNET,
        enableFIPS: true,
        enableNodePublicIP: false,
        enableEncryptionAtHost: true,
        enableUltraSSD: false,
        osSKU: 'AzureLinux',
        osDiskType: 'Managed',
        maxPods: 50,
        nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'],
      },
    ]);
    expect(p.networkProfile).toEqual({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
      podCidr: '192.168.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIP: '10.0.0.10',
      outboundType: 'userDefinedRouting',
    });
    expect(p.addonProfiles).toEqual({
      azurepolicy: { enabled: true, config: { version: 'v2' } },
      omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WORKSPACE, useAADAuth: 'true' } },
      azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true', rotationPollInterval: '5m' } },
    });
    expect(p.securityProfile.defender).toEqual({ securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: WORKSPACE });
    expect(p.securityProfile.workloadIdentity).toEqual({ enabled: true });
    expect(p.securityProfile.imageCleaner).toEqual({ enabled: true, intervalHours: 24 });
    expect(p.securityProfile.azureKeyVaultKms).toMatchObject({ enabled: true, keyId: 'https://kv.vault.azure.net/keys/etcd/1', keyVaultNetworkAccess: 'Private' });
    // The provider looks a private key vault's resource id up at apply.
    expect(isUnknown(p.securityProfile.azureKeyVaultKms.keyVaultResourceId)).toBe(true);
    expect(p.oidcIssuerProfile).toEqual({ enabled: true });
    expect(p.autoUpgradeProfile).toEqual({ upgradeChannel: 'patch', nodeOSUpgradeChannel: 'SecurityPatch' });
    expect(p.serviceMeshProfile).toEqual({
      mode: 'Istio',
      istio: { revisions: ['asm-1-25'], components: { ingressGateways: [{ enabled: true, mode: 'Internal' }, { enabled: false, mode: 'External' }] } },
    });
    expect(p.linuxProfile).toEqual({ adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: KEY }] } });
    expect(body.tags).toEqual({ env: 'prod' });
  });

  it('records the pointer of each block in its spelling', () => {
    expect(recordedPointer(tf(TERRAFORM_V4).properties.agentPoolProfiles[0])).toBe('/values/default_node_pool/0');
    expect(recordedPointer(pulumi(PULUMI_V4).properties.agentPoolProfiles[0])).toBe('/defaultNodePool');
    expect(recordedPointer(pulumi(PULUMI_V4).properties.networkProfile)).toBe('/networkProfile');
    expect(recordedPointer(tf(TERRAFORM_V4).properties.aadProfile)).toBe('/values/azure_active_directory_role_based_access_control/0');
  });
});

describe('mapKubernetesCluster: azurerm 2 and 3 names', () => {
  const v3 = {
    name: 'aks',
    dns_prefix: 'aks',
    api_server_authorized_ip_ranges: ['203.0.113.0/24'],
    api_server_access_profile: [{ vnet_integration_enabled: true, subnet_id: API_SUBNET }],
    automatic_channel_upgrade: 'stable',
    node_os_channel_upgrade: 'NodeImage',
    sku_tier: 'Paid',
    identity: [{ type: 'SystemAssigned' }],
    default_node_pool: [{ name: 'default', vm_size: 'Standard_D2_v2', node_count: 1, enable_node_public_ip: true, enable_host_encryption: true, enable_auto_scaling: true, min_count: 1, max_count: 3 }],
  };

  it('reads the azurerm 3 names of the same settings', () => {
    const p = tf(v3).properties;
    expect(p.apiServerAccessProfile).toMatchObject({ authorizedIPRanges: ['203.0.113.0/24'], enableVnetIntegration: true, subnetId: API_SUBNET });
    expect(p.autoUpgradeProfile).toEqual({ upgradeChannel: 'stable', nodeOSUpgradeChannel: 'NodeImage' });
    expect(p.agentPoolProfiles[0]).toMatchObject({ enableNodePublicIP: true, enableEncryptionAtHost: true, enableAutoScaling: true, minCount: 1, maxCount: 3, count: 1 });
    // `Paid` is today's Standard tier (AKS API 2023-02-01).
    expect(tf(v3).sku).toEqual({ name: 'Base', tier: 'Standard' });
  });

  it('reads them in the classic Pulumi spelling too (@pulumi/azure 5)', () => {
    const p = pulumi({ name: 'aks', apiServerAuthorizedIpRanges: ['203.0.113.0/24'], defaultNodePool: { name: 'default', enableNodePublicIp: true, enableHostEncryption: true } }).properties;
    expect(p.apiServerAccessProfile.authorizedIPRanges).toEqual(['203.0.113.0/24']);
    expect(p.agentPoolProfiles[0]).toMatchObject({ enableNodePublicIP: true, enableEncryptionAtHost: true });
  });

  it("takes the azurerm 4 block's ranges over the top-level azurerm 3 ones", () => {
    const p = tf({ ...v3, api_server_access_profile: [{ authorized_ip_ranges: ['198.51.100.0/24'] }] }).properties;
    expect(p.apiServerAccessProfile.authorizedIPRanges).toEqual(['198.51.100.0/24']);
  });

  it('reads the legacy (non-managed) Entra ID integration of azurerm 3', () => {
    const p = tf({ ...v3, azure_active_directory_role_based_access_control: [{ managed: false, client_app_id: 'client', server_app_id: 'server', server_app_secret: 'secret', tenant_id: 't' }] }).properties;
    expect(p.aadProfile).toEqual({ managed: false, clientAppID: 'client', serverAppID: 'server', tenantID: 't' });
    expect(JSON.stringify(p)).not.toContain('secret');
  });

  it('reads azurerm 2 role_based_access_control and addon_profile blocks', () => {
    const p = tf({
      name: 'aks',
      private_link_enabled: true,
      role_based_access_control: [{ enabled: true, azure_active_directory: [{ managed: true, admin_group_object_ids: ['g'] }] }],
      addon_profile: [{ azure_policy: [{ enabled: true }], oms_agent: [{ enabled: true, log_analytics_workspace_id: WORKSPACE }], kube_dashboard: [{ enabled: false }] }],
      default_node_pool: [{ name: 'default', availability_zones: ['1'] }],
    }).properties;
    expect(p.enableRBAC).toBe(true);
    expect(p.aadProfile).toMatchObject({ managed: true, adminGroupObjectIDs: ['g'] });
    expect(p.apiServerAccessProfile.enablePrivateCluster).toBe(true);
    expect(p.addonProfiles).toEqual({
      azurepolicy: { enabled: true },
      omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WORKSPACE } },
      kubeDashboard: { enabled: false },
    });
    expect(p.agentPoolProfiles[0].availabilityZones).toEqual(['1']);
  });
});

describe('mapKubernetesCluster: absent, null and unknown', () => {
  const minimal = { name: 'aks', dns_prefix: 'aks', identity: [{ type: 'SystemAssigned' }], default_node_pool: [{ name: 'default' }] };

  it('maps null as unset: the provider sends its default, or nothing', () => {
    const withNulls = tf({ ...minimal, local_account_disabled: null, run_command_enabled: null, private_cluster_enabled: null, role_based_access_control_enabled: null, network_profile: null, sku_tier: null });
    expect(JSON.stringify(withNulls)).toBe(JSON.stringify(tf(minimal)));
    const p = withNulls.properties;
    expect(p.disableLocalAccounts).toBe(false);
    expect(p.enableRBAC).toBe(true);
    expect(p.apiServerAccessProfile).toEqual({ enablePrivateCluster: false, enablePrivateClusterPublicFQDN: false, disableRunCommand: false });
    expect(p.networkProfile).toBeUndefined();
    expect(p.autoUpgradeProfile).toEqual({ upgradeChannel: 'none' });
    expect(withNulls.sku).toEqual({ name: 'Base', tier: 'Free' });
    const pulumiMinimal = { name: 'aks', dnsPrefix: 'aks', identity: { type: 'SystemAssigned' }, defaultNodePool: { name: 'default' } };
    const pulumiNulls = pulumi({ ...pulumiMinimal, localAccountDisabled: null, runCommandEnabled: null, networkProfile: null, apiServerAccessProfile: null });
    expect(JSON.stringify(pulumiNulls)).toBe(JSON.stringify(pulumi(pulumiMinimal)));
    expect(JSON.stringify(pulumiNulls)).toBe(JSON.stringify(withNulls));
  });

  it('keeps an unknown value unknown: never a default, never a pass or a fail', () => {
    const later = new UnknownValue('known only after apply');
    const body = tf({ ...minimal, private_cluster_enabled: later, local_account_disabled: later, run_command_enabled: later, network_profile: later, api_server_access_profile: later });
    const p = body.properties;
    expect(p.apiServerAccessProfile.enablePrivateCluster).toBe(later);
    expect(p.apiServerAccessProfile.disableRunCommand).toBe(later);
    expect(p.apiServerAccessProfile.authorizedIPRanges).toBe(later);
    expect(p.apiServerAccessProfile.enableVnetIntegration).toBe(later);
    expect(p.disableLocalAccounts).toBe(later);
    expect(p.networkProfile).toBe(later);
  });

  it('does not take a value of the wrong type as a setting', () => {
    const p = tf({ ...minimal, private_cluster_enabled: 'yes' }).properties;
    expect(isUnknown(p.apiServerAccessProfile.enablePrivateCluster)).toBe(true);
  });

  it('maps a service principal without copying its secret', () => {
    const body = tf({ name: 'aks', service_principal: [{ client_id: 'app', client_secret: 'hunter2' }], default_node_pool: [{ name: 'default' }] });
    expect(body.identity).toBeUndefined();
    expect(body.properties.servicePrincipalProfile.clientId).toBe('app');
    expect(isUnknown(body.properties.servicePrincipalProfile.secret)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
