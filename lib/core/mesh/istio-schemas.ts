import { SchemaFinding, StrictSchemaValidator } from '../kubernetes/schema-validator';
import { ISTIO_CRD_SCHEMAS as istioCrdSchemas } from './istio-crd-schemas.generated';

/**
 * The Istio networking kinds whose CRD schema ships with the library.
 * @internal
 */
export const ISTIO_KINDS = Object.keys(istioCrdSchemas.kinds) as (keyof typeof istioCrdSchemas.kinds)[];

/**
 * Where the shipped schemas come from.
 * @category Cross-cluster mTLS
 */
export const ISTIO_SCHEMA_SOURCE: string = istioCrdSchemas.source;

/**
 * The Istio release the shipped schemas are from (the platform installs this release).
 * @category Cross-cluster mTLS
 */
export const ISTIO_SCHEMA_VERSION: string = istioCrdSchemas.version;

/**
 * The CRD's schema of `spec` for a kind, as shipped (CEL rules included).
 * @internal
 */
export function istioSpecSchema(kind: (typeof ISTIO_KINDS)[number]): Record<string, unknown> {
  return istioCrdSchemas.kinds[kind].spec;
}

/**
 * Validates an Istio networking object of a shipped kind against its CRD schema (compiled at build time), every served version.
 * @internal
 */
export function validateIstioObject(kind: string, object: unknown): SchemaFinding[] {
  return StrictSchemaValidator.shipped().validate(`istio/${kind}`, object);
}
