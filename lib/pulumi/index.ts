/**
 * secure-aks/pulumi: Pulumi components that deploy the model (azure-native,
 * kubernetes).
 * @packageDocumentation
 */
export * from './hardened-cluster';
export * from './chart-deployment';
export * from './cross-cluster-mesh';
export * from './regulated-platform';
export * from './regulated-estate';
export * from './azure-policy-initiative';
