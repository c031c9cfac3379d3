import { strictObjectSchema, CLUSTER_SCOPED_METADATA } from '../kubernetes/crd-schema';
import { CERT_MANAGER_CRD_SCHEMAS } from './cert-manager-crd-schemas.generated';

/**
 * cert-manager's Certificate, Issuer and ClusterIssuer, strictly (unknown
 * fields rejected), from the CRDs of the release the platform installs
 * (extracted by scripts/extract-crd-schemas.ts, source and version in the
 * generated module). Users' own Certificates and Issuers are checked against
 * exactly what cert-manager accepts.
 * @see https://cert-manager.io/docs/reference/api-docs/
 * @internal
 */
export const CERTIFICATE_SCHEMA = strictObjectSchema('Certificate', CERT_MANAGER_CRD_SCHEMAS.kinds.Certificate);
/**
 * cert-manager's namespaced Issuer, strictly.
 * @internal
 */
export const ISSUER_SCHEMA = strictObjectSchema('Issuer', CERT_MANAGER_CRD_SCHEMAS.kinds.Issuer);
/**
 * cert-manager's cluster-scoped ClusterIssuer, strictly.
 * @internal
 */
export const CLUSTER_ISSUER_SCHEMA = strictObjectSchema('ClusterIssuer', CERT_MANAGER_CRD_SCHEMAS.kinds.ClusterIssuer, CLUSTER_SCOPED_METADATA);

/**
 * The cert-manager release the shipped schemas are from (the platform installs this release).
 * @category Cross-cluster mTLS
 */
export const CERT_MANAGER_SCHEMA_VERSION: string = CERT_MANAGER_CRD_SCHEMAS.version;
