/**
 * Ports Istio's proxies use, which a service port must not take.
 * @see https://istio.io/latest/docs/ops/deployment/application-requirements/#ports-used-by-istio
 * @category Cross-cluster mTLS
 */
export const ISTIO_RESERVED_PORTS: readonly number[] = [15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090];
