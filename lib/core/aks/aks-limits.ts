/**
 * Documented AKS limits the validators enforce. The rule statements in the
 * catalog are written from these constants, so each fact lives here only.
 */

/** Authorized IP ranges (api-server-authorized-ip-ranges.md). */
export const AUTHORIZED_RANGE_LIMIT = 200;
/** Authorized IP ranges with API Server VNet Integration. */
export const AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION = 2000;
/** Smallest API Server VNet Integration subnet: /28 (api-server-vnet-integration.md). */
export const API_SERVER_SUBNET_MAX_PREFIX = 28;
/** ACNS container network security needs Kubernetes 1.29 (azure-cni-powered-by-cilium.md). */
export const ACNS_MIN_KUBERNETES = [1, 29] as const;
