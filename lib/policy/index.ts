/**
 * secure-aks/policy: a Pulumi CrossGuard policy pack of the library's rules,
 * for any Pulumi program that creates AKS clusters, whoever wrote it.
 * @packageDocumentation
 * @module secure-aks/policy
 */
export * from './secure-aks-policies';
export * from './pulumi-resource-description';
