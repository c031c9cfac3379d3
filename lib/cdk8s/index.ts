/**
 * secure-aks/cdk8s: constructs and charts for cdk8s apps, and the checks across
 * every chart of an app. Loads no Pulumi package.
 * @packageDocumentation
 * @module secure-aks/cdk8s
 */
export * from './calico-wireguard-configuration';
export * from './host-network-encryption-check';
export * from './admission-policy-objects';
export * from './workload-identity-service-account';
export * from './cross-cluster-charts';
export * from './offline-app';
export * from './deployment-check';
export * from './mesh-config-chart';
export * from './platform-charts';
export * from './estate-charts';
