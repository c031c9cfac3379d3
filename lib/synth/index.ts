/**
 * secure-aks/synth: offline synthesis of definitions into ARM templates,
 * Kubernetes manifests and review reports (what `secure-aks synth` runs).
 * @packageDocumentation
 * @module secure-aks/synth
 */
export * from './synth-target';
export * from './synthesize';
export * from './write-artifacts';
export * from './hardened-cluster-target';
export * from './regulated-platform-target';
export * from './cluster-reports';
export * from './estate-target';
export * from './azure-policy-target';
export * from './deployment-evidence';
