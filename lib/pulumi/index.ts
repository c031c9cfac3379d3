/**
 * secure-aks/pulumi: Pulumi components that deploy the model (azure-native,
 * kubernetes).
 * @packageDocumentation
 * @module secure-aks/pulumi
 */
export * from './hardened-cluster';
export * from './chart-deployment';
export * from './cross-cluster-mesh';
export * from './regulated-platform';
export * from './regulated-estate';
// A type the components' declarations name: each ARM resource a component registered.
export type { RegisteredArmResource } from './arm-resource-registrar';
export * from './azure-policy-initiative';
