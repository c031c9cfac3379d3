import { ADMISSION_POLICY_API_VERSION } from './admission-policy';
import { ADMISSION_REGISTRATION_OPENAPI } from './admission-registration-openapi.generated';

type Schema = Record<string, unknown>;

/**
 * The admission kinds the library writes.
 * @internal
 */
export type AdmissionPolicyKind = 'ValidatingAdmissionPolicy' | 'ValidatingAdmissionPolicyBinding';

/** Every object definition closed: a field the definition does not declare is an error (`kubectl apply --validate=strict`). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = Object.fromEntries(Object.entries(schema as Schema).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  if (out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/**
 * The strict JSON schema of a ValidatingAdmissionPolicy or its binding, from
 * the Kubernetes OpenAPI definitions of the oldest minor the policies support
 * (vendored by scripts/vendor-kubernetes-openapi.sh), with the API version and
 * kind fixed.
 * @internal
 */
export function admissionPolicySchema(kind: AdmissionPolicyKind): object {
  const root = `io.k8s.api.admissionregistration.v1.${kind}`;
  return {
    definitions: closed(ADMISSION_REGISTRATION_OPENAPI.definitions),
    allOf: [
      { $ref: `#/definitions/${root}` },
      {
        type: 'object',
        required: ['apiVersion', 'kind', 'metadata', 'spec'],
        properties: { apiVersion: { const: ADMISSION_POLICY_API_VERSION }, kind: { const: kind } },
      },
    ],
  };
}
export { ADMISSION_REGISTRATION_OPENAPI } from './admission-registration-openapi.generated';
