import { evaluateCelRules } from '../kubernetes/cel-rules';
import { strictObjectSchema } from '../kubernetes/crd-schema';
import { SchemaFinding, StrictSchemaValidator } from '../kubernetes/schema-validator';
import { FLUX_CRD_SCHEMAS } from './flux-crd-schemas.generated';

/**
 * The Flux kinds the GitOps tree holds, whose CRD schemas ship with the library.
 * @internal
 */
export type FluxKind = keyof typeof FLUX_CRD_SCHEMAS.kinds;

/**
 * The Flux release the shipped schemas are from: the one the pinned `microsoft.flux` extension runs.
 * @category GitOps delivery
 */
export const FLUX_SCHEMA_VERSION: string = FLUX_CRD_SCHEMAS.version;

/**
 * Where the shipped Flux schemas come from (repositories, tags, commits).
 * @category GitOps delivery
 */
export const FLUX_SCHEMA_SOURCE: string = FLUX_CRD_SCHEMAS.source;

/** The strict schema of a whole Flux object of `kind` (unknown fields rejected). @internal */
export function fluxObjectSchema(kind: FluxKind): Record<string, unknown> {
  return strictObjectSchema(kind, FLUX_CRD_SCHEMAS.kinds[kind]);
}

/**
 * The `apiVersion` the library writes for a Flux kind: its stable served version.
 * @internal
 */
export function fluxApiVersion(kind: FluxKind): string {
  const crd = FLUX_CRD_SCHEMAS.kinds[kind];
  return `${crd.group}/${crd.versions[crd.versions.length - 1]}`;
}

/**
 * Validates a Flux object strictly against the CRD of the release the
 * extension runs: the OpenAPI schema (compiled at build time) and the CRD's
 * CEL rules, which the API server enforces and JSON Schema validators skip.
 * @see https://fluxcd.io/flux/components/helm/helmreleases/
 * @internal
 */
export function validateFluxObject(object: { readonly kind?: unknown; readonly spec?: unknown }): SchemaFinding[] {
  const kind = object.kind as FluxKind;
  if (!(kind in FLUX_CRD_SCHEMAS.kinds)) return [{ path: '/kind', message: `no Flux schema ships for ${String(object.kind)}` }];
  return [
    ...StrictSchemaValidator.shipped().validate(`flux/${kind}`, object),
    ...evaluateCelRules(FLUX_CRD_SCHEMAS.kinds[kind].spec, object.spec, '/spec').map((f) => ({ path: f.path, message: `CEL rule: ${f.message} (${f.rule})` })),
  ];
}
