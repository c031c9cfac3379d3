import { UnknownValue } from '../../description/unknown-value';
import { mapAgentPool } from './azurerm-agent-pool';
import { armName, MANAGED_CLUSTERS, mapKubernetesCluster } from './azurerm-kubernetes-cluster';
import {
  MappedResource,
  mapDiagnosticSetting,
  mapManagementLock,
  mapPrivateDnsZone,
  mapRoleAssignment,
  mapSubnet,
  mapVirtualNetwork,
} from './azurerm-related-resources';
import { AttributeReader } from './attribute-reader';
import { stringOf } from './attribute-values';

/** The REST type of an AKS node pool. */
export const AGENT_POOLS = 'Microsoft.ContainerService/managedClusters/agentPools';

/** One azurerm resource type the readers map, with its Terraform type and classic Pulumi token. */
export interface AzurermResourceType {
  /** e.g. `azurerm_kubernetes_cluster`. */
  readonly terraformType: string;
  /** The classic `@pulumi/azure` token bridged from it, e.g. `azure:containerservice/kubernetesCluster:KubernetesCluster`. */
  readonly pulumiToken: string;
  /** An AKS cluster or pool: one that cannot be mapped is reported as not examined, never skipped. */
  readonly aks: boolean;
  readonly map: (r: AttributeReader) => MappedResource;
}

/**
 * The azurerm resources the AKS rules read, by Terraform type. The classic
 * Pulumi tokens are those `@pulumi/azure` registers.
 * @see https://www.pulumi.com/registry/packages/azure/api-docs/containerservice/kubernetesclusternodepool/
 */
export const AZURERM_RESOURCE_TYPES: readonly AzurermResourceType[] = [
  {
    terraformType: 'azurerm_kubernetes_cluster',
    pulumiToken: 'azure:containerservice/kubernetesCluster:KubernetesCluster',
    aks: true,
    map: (r) => ({ type: MANAGED_CLUSTERS, name: armName(r, 'name is not known'), body: mapKubernetesCluster(r) }),
  },
  {
    terraformType: 'azurerm_kubernetes_cluster_node_pool',
    pulumiToken: 'azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool',
    aks: true,
    map: (r) => ({
      type: AGENT_POOLS,
      name: poolName(clusterNameFromId(stringOf(r, ['kubernetes_cluster_id'])), armName(r, 'name is not known')),
      body: { properties: mapAgentPool(r, 'azurerm_kubernetes_cluster_node_pool') },
    }),
  },
  { terraformType: 'azurerm_subnet', pulumiToken: 'azure:network/subnet:Subnet', aks: false, map: mapSubnet },
  { terraformType: 'azurerm_virtual_network', pulumiToken: 'azure:network/virtualNetwork:VirtualNetwork', aks: false, map: mapVirtualNetwork },
  { terraformType: 'azurerm_private_dns_zone', pulumiToken: 'azure:privatedns/zone:Zone', aks: false, map: mapPrivateDnsZone },
  { terraformType: 'azurerm_role_assignment', pulumiToken: 'azure:authorization/assignment:Assignment', aks: false, map: mapRoleAssignment },
  { terraformType: 'azurerm_monitor_diagnostic_setting', pulumiToken: 'azure:monitoring/diagnosticSetting:DiagnosticSetting', aks: false, map: mapDiagnosticSetting },
  { terraformType: 'azurerm_management_lock', pulumiToken: 'azure:management/lock:Lock', aks: false, map: mapManagementLock },
];

/** The cluster's name in a literal cluster id (`.../managedClusters/<name>`), else unknown. */
export function clusterNameFromId(id: string | UnknownValue | undefined): string | UnknownValue {
  if (typeof id === 'string') {
    const m = /\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i.exec(id);
    if (m) return m[1];
    return new UnknownValue(`kubernetes_cluster_id '${id}' is not a cluster id`);
  }
  return id ?? new UnknownValue('kubernetes_cluster_id is not known');
}

/** A pool's ARM name, `<cluster>/<pool>`; unknown (with both parts as its symbol) when either part is. */
export function poolName(cluster: string | UnknownValue, pool: string | UnknownValue): string | UnknownValue {
  if (typeof cluster === 'string' && typeof pool === 'string') return `${cluster}/${pool}`;
  const reason = cluster instanceof UnknownValue ? `its cluster's name is not known (${cluster.reason})` : (pool as UnknownValue).reason;
  return new UnknownValue(reason, `${cluster.toString()}/${pool.toString()}`);
}
