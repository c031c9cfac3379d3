import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from './attribute-reader';
import { boolOf, built, numberOf, Sent, stringListOf, stringMapOf, stringOf } from './attribute-values';

/** Which azurerm block or resource a pool is written as. */
export type AzurermPoolKind = 'default_node_pool' | 'azurerm_kubernetes_cluster_node_pool';

/** The taint `only_critical_addons_enabled` puts on the default node pool. */
const CRITICAL_ADDONS_ONLY = 'CriticalAddonsOnly=true:NoSchedule';

/**
 * An azurerm node pool (the cluster's `default_node_pool` block or an
 * `azurerm_kubernetes_cluster_node_pool`) as the REST agent pool profile the
 * provider sends, names of azurerm 4 first and of azurerm 2/3 after them.
 * Booleans the provider always sends are `false` when unset.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#default_node_pool
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/containers/kubernetes_nodepool.go (ExpandDefaultNodePool)
 * @see https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update
 */
export function mapAgentPool(r: AttributeReader, kind: AzurermPoolKind): Record<string, unknown> {
  const isDefault = kind === 'default_node_pool';
  const autoScaling = boolOf(r, ['auto_scaling_enabled', 'enable_auto_scaling'], false);
  return built(
    {
      name: isDefault ? stringOf(r, ['name']) : undefined,
      // The default pool is the cluster's system pool, always Linux; a node pool is a User pool by default.
      mode: isDefault ? 'System' : stringOf(r, ['mode'], 'User'),
      osType: isDefault ? 'Linux' : stringOf(r, ['os_type'], 'Linux'),
      type: isDefault ? stringOf(r, ['type'], 'VirtualMachineScaleSets') : 'VirtualMachineScaleSets',
      vmSize: stringOf(r, ['vm_size']),
      count: poolCount(r, autoScaling),
      enableAutoScaling: autoScaling,
      minCount: autoScaling === true ? numberOf(r, ['min_count'], true) : undefined,
      maxCount: autoScaling === true ? numberOf(r, ['max_count'], true) : undefined,
      availabilityZones: stringListOf(r, ['zones', 'availability_zones']),
      vnetSubnetID: stringOf(r, ['vnet_subnet_id']),
      podSubnetID: stringOf(r, ['pod_subnet_id']),
      enableFIPS: boolOf(r, ['fips_enabled'], false),
      enableNodePublicIP: boolOf(r, ['node_public_ip_enabled', 'enable_node_public_ip'], false),
      nodePublicIPPrefixID: stringOf(r, ['node_public_ip_prefix_id']),
      enableEncryptionAtHost: boolOf(r, ['host_encryption_enabled', 'enable_host_encryption'], false),
      enableUltraSSD: boolOf(r, ['ultra_ssd_enabled'], false),
      osSKU: stringOf(r, ['os_sku']),
      osDiskType: stringOf(r, ['os_disk_type'], isDefault ? 'Managed' : undefined),
      osDiskSizeGB: numberOf(r, ['os_disk_size_gb'], true),
      kubeletDiskType: stringOf(r, ['kubelet_disk_type']),
      maxPods: numberOf(r, ['max_pods'], true),
      orchestratorVersion: stringOf(r, ['orchestrator_version']),
      nodeTaints: isDefault ? defaultPoolTaints(r) : stringListOf(r, ['node_taints']),
      nodeLabels: stringMapOf(r, ['node_labels']),
      scaleSetPriority: isDefault ? undefined : stringOf(r, ['priority'], 'Regular'),
      workloadRuntime: stringOf(r, ['workload_runtime']),
      tags: stringMapOf(r, ['tags']),
    },
    r.pointer,
  );
}

/**
 * The count the provider sends: `node_count`, or `min_count` when auto-scaling
 * and no count is set.
 */
function poolCount(r: AttributeReader, autoScaling: Sent<boolean>): Sent<number> {
  const count = numberOf(r, ['node_count']);
  if (count !== undefined && count !== 0) return count;
  if (autoScaling === true) return numberOf(r, ['min_count']) ?? count;
  if (autoScaling instanceof UnknownValue) return count ?? autoScaling;
  return count;
}

/**
 * The default pool's taints: `only_critical_addons_enabled` taints it with
 * CriticalAddonsOnly; azurerm 2/3 also had `node_taints` on it (refused by
 * the provider since AKS removed it, mapped as written).
 */
function defaultPoolTaints(r: AttributeReader): Sent<Array<string | UnknownValue>> {
  const critical = boolOf(r, ['only_critical_addons_enabled'], false);
  if (critical instanceof UnknownValue) return critical;
  if (critical) return [CRITICAL_ADDONS_ONLY];
  return stringListOf(r, ['node_taints']);
}
