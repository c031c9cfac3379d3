/**
 * Documented AKS limits the validators enforce. The rule statements in the
 * catalog are written from these constants, so each fact lives here only.
 */

/**
 * Authorized IP ranges (https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges).
 * @category Clusters
 */
export const AUTHORIZED_RANGE_LIMIT = 200;
/**
 * Authorized IP ranges with API Server VNet Integration.
 * @category Clusters
 */
export const AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION = 2000;
/**
 * Smallest API Server VNet Integration subnet: /28 (https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
 * @category Clusters
 */
export const API_SERVER_SUBNET_MAX_PREFIX = 28;
/**
 * ACNS container network security needs Kubernetes 1.29 (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium).
 * @category Clusters
 */
export const ACNS_MIN_KUBERNETES = [1, 29] as const;
/**
 * Image Cleaner's interval: 24 hours to 3 months, a week by default (https://learn.microsoft.com/azure/aks/image-cleaner).
 * @category Clusters
 */
export const IMAGE_CLEANER_INTERVAL_HOURS = { min: 24, max: 2160 } as const;
/**
 * The library's Image Cleaner interval: a week.
 * @category Clusters
 */
export const IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS = 168;
/**
 * Pods per node the library configures on every pool (`maxPods`).
 * @category Clusters
 */
export const MAX_PODS_PER_NODE = 110;
/**
 * The fewest pods per node the security baseline accepts (`maxPods`), Checkov's CKV_AZURE_168.
 * @see https://www.checkov.io/5.Policy%20Index/arm.html
 * @category Clusters
 */
export const MIN_PODS_PER_NODE = 50;
/**
 * Nodes added during an upgrade: AKS's default max surge, 10% of the pool and at least one (https://learn.microsoft.com/azure/aks/upgrade-aks-cluster#customize-node-surge-upgrade).
 * @category Clusters
 */
export const DEFAULT_MAX_SURGE_PERCENT = 10;
/**
 * Addresses Azure keeps in every subnet: the first four and the last (https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq).
 * @category Clusters
 */
export const AZURE_SUBNET_RESERVED_ADDRESSES = 5;
/**
 * Each node of Azure CNI Overlay and kubenet gets a /24 of the pod CIDR (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 * @category Clusters
 */
export const POD_CIDR_PREFIX_PER_NODE = 24;
/**
 * The largest service CIDR: kube-apiserver accepts at most a /12 for IPv4 (--service-cluster-ip-range).
 * @category Clusters
 */
export const SERVICE_CIDR_MIN_PREFIX = 12;
/**
 * Ranges AKS reserves: no pod CIDR, service CIDR or cluster network may overlap them (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning).
 * @category Clusters
 */
export const AKS_RESERVED_RANGES = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'] as const;
/**
 * Azure's virtual network MTU, less what AKS's host encryption (100) and WireGuard (60; IPv6 80) take: Calico's own MTU arithmetic on AKS.
 * @category Clusters
 */
export const CALICO_WIREGUARD_MTU = { min: 576, max: 1500 - 100 - 60, minV6: 1280, maxV6: 1500 - 100 - 80 } as const;

/**
 * Nodes a pool may have at once during an upgrade: its count plus the surge.
 * @internal
 */
export function nodesWithSurge(count: number): number {
  return count + Math.max(1, Math.ceil((count * DEFAULT_MAX_SURGE_PERCENT) / 100));
}

/**
 * ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) is GA from Kubernetes 1.30 (https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/).
 * @category Clusters
 */
export const ADMISSION_POLICY_MIN_KUBERNETES = [1, 30] as const;
/**
 * Network isolated clusters need Kubernetes 1.30 (https://learn.microsoft.com/azure/aks/concepts-network-isolated#limitations).
 * @category Clusters
 */
export const NETWORK_ISOLATED_MIN_KUBERNETES = [1, 30] as const;
/**
 * The node OS channels a network isolated cluster supports (https://learn.microsoft.com/azure/aks/concepts-network-isolated).
 * @category Clusters
 */
export const NETWORK_ISOLATED_NODE_OS_CHANNELS = ['NodeImage', 'None'] as const;
/**
 * Where AKS puts an Istio add-on egress gateway without a namespace (https://learn.microsoft.com/azure/aks/istio-deploy-egress).
 * @category Clusters
 */
export const AKS_ISTIO_EGRESS_NAMESPACE = 'aks-istio-egress';
/**
 * Add-on egress gateway names: 1 to 53 characters, a DNS name of lowercase labels (https://learn.microsoft.com/azure/aks/istio-deploy-egress).
 * @category Clusters
 */
export const AKS_ISTIO_EGRESS_NAME = { maxLength: 53, pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/ } as const;
/**
 * At most this many add-on egress gateways per cluster.
 * @category Clusters
 */
export const AKS_ISTIO_EGRESS_GATEWAY_LIMIT = 500;
/**
 * Federated identity credentials one user-assigned identity can have (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 * @category Clusters
 */
export const FEDERATED_CREDENTIALS_PER_IDENTITY = 20;
