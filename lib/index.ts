/**
 * secure-aks: the pure model. Validated intent in, exact ARM resources and
 * Kubernetes objects out; it loads neither Pulumi nor cdk8s.
 * The front ends are their own entry points: `secure-aks/cdk8s`,
 * `secure-aks/pulumi`, `secure-aks/synth` and `secure-aks/policy`.
 * @packageDocumentation
 * @module secure-aks
 */
export * from './core/validation/rule';
export * from './core/validation/rule-catalog';
export * from './core/validation/sources';
export * from './core/validation/violation';
export * from './core/validation/violation-collector';
export * from './core/validation/validation-error';
export * from './core/net/ipv4-cidr';
export * from './core/arm/api-versions';
export * from './core/arm/arm-expression';
export * from './core/arm/arm-guid';
export * from './core/arm/arm-resource';
export * from './core/arm/arm-template';
export * from './core/arm/resource-id';
export * from './core/arm/azure-native-resources';
export * from './core/aks/aks-limits';
export * from './core/aks/azure-regions';
export * from './core/kubernetes/api-server-validity';
export * from './core/aks/api-server-access';
export * from './core/aks/api-server-dns-resolution';
export * from './core/aks/api-server-subnet-check';
export * from './core/aks/cluster-update-check';
export * from './core/aks/built-in-roles';
export * from './core/aks/cluster-identity';
export * from './core/aks/cluster-monitoring';
export * from './core/aks/vm-size';
export * from './core/aks/cluster-network';
export * from './core/aks/hardened-cluster-props';
// Not the definition's template without validation: that is for the agreement test only.
export { CREATE_ONLY_CLUSTER_PROPERTIES, LogicalIds, ManagedClusterModel } from './core/aks/managed-cluster-model';
export * from './core/aks/security-baseline';
export * from './core/aks/checkov-arm-checks';
export * from './core/aks/checkov-template-resources';
export * from './core/aks/network-policy-engine';
export * from './core/aks/node-pool';
export * from './core/aks/outbound-type';
export * from './core/aks/egress-path';
export * from './core/aks/federated-identity';
export * from './core/aks/validate-federated-identities';
export * from './core/aks/validate-egress';
export * from './core/aks/validate-kms';
export * from './core/aks/validate-istio-addon';
export * from './core/mesh/aks-istio-revisions';
export * from './core/aks/pod-networking';
export * from './core/aks/validate-transit-encryption';
export * from './core/encryption/transit-encryption';
export * from './core/encryption/vnet-encryption-vm-sizes';
export * from './core/aks/private-dns-zone';
export * from './core/aks/resolved-cluster-config';
export * from './core/aks/system-node-pool';
export * from './core/aks/validate-cluster';
export * from './core/validation/rules-table';
export * from './core/reports/markdown';
export * from './core/kubernetes/kubernetes-object';
export * from './core/kubernetes/schema-validator';
export * from './core/kubernetes/crd-schema';
export * from './core/kubernetes/cel-rules';
export * from './core/encryption/calico-felix-configuration';
export * from './core/encryption/encryption-coverage';
export * from './core/encryption/host-network-check';
export * from './core/mesh/istio-ports';
export * from './core/mesh/mesh-flavour';
export * from './core/mesh/gateway-deployment';
export * from './core/mesh/certificate-source';
export * from './core/mesh/cross-cluster-link-props';
export * from './core/mesh/cross-cluster-link';
export * from './core/mesh/link-contract';
export * from './core/mesh/validate-cross-cluster-link';
export * from './core/mesh/mesh-inventory';
export * from './core/mesh/mesh-analyzer';
export * from './core/mesh/istio-schemas';
export * from './core/mesh/istio-tls-rules';
export * from './core/mesh/cert-manager-schema';
export * from './core/kubernetes/deployment-collisions';
export * from './core/mesh/cross-cluster-encryption';
export * from './core/arm/prefix-resources';
export * from './core/mesh/customer-ca-issuer';
export * from './core/platform/regulated-platform-model';
export * from './core/platform/mesh-prerequisites';
export * from './core/platform/service-dns';
export * from './core/platform/spoke-network';
export * from './core/policy/azure-policy-definition';
export * from './core/policy/evaluate-azure-policy';
export * from './core/policy/aks-built-in-policies';
export * from './core/policy/azure-policy-definitions.generated';
export * from './core/audit/audited-resource';
export * from './core/audit/read-azure-description';
export * from './core/audit/cluster-payload-rules';
export * from './core/audit/payload-encryption-coverage';
export * from './core/audit/audit-cluster';
export * from './core/audit/audit-report';
export * from './core/audit/rule-enforcement';
export * from './core/audit/related-payload-rules';
export * from './core/aks/authorized-ranges';
export * from './core/aks/private-dns-zone-name';
export * from './core/arm/external-references';
export * from './core/arm/map-references';
export * from './core/gitops/gitops-source';
export * from './core/gitops/cluster-delivery';
export * from './core/gitops/flux-schemas';
export * from './core/gitops/flux-extension';
export * from './core/gitops/gitops-tree';
export * from './core/estate/estate-props';
export * from './core/estate/estate-model';
export * from './core/estate/estate-overview';
// Types the public declarations above name: the audit's outcomes, where a fact was read,
// acknowledgements, and an estate's planned resource ids.
export type { DocumentLocation, NotExamined } from './core/description/described-resource';
export type { DefinitionLocation, Provenance } from './core/description/fact';
export type { RuleOutcome, UndecidedReason, Verdict } from './core/rules/rule-outcome';
export type { AcknowledgedViolation, Acknowledgement } from './core/validation/acknowledgement';
export type { PlannedResourceId } from './core/arm/planned-resource-ids';
