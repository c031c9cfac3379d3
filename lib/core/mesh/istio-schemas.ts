import { StrictSchemaValidator } from '../kubernetes/schema-validator';
import { ISTIO_CRD_SCHEMAS as istioCrdSchemas } from './istio-crd-schemas.generated';

/**
 * Makes an OpenAPI schema strict the way `kubectl apply --validate=strict`
 * is: an object that declares properties rejects any other field, unless it
 * preserves unknown fields.
 */
export function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    // `description` texts are long and not needed for validation.
    if (k === 'description') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strictify(s)])) : strictify(v);
  }
  if (
    out.type === 'object' &&
    out.properties !== undefined &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/** The ObjectMeta fields objects of this library (and users' charts) carry. */
const OBJECT_META = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

/** The Istio networking kinds whose CRD schema ships with the library. */
export const ISTIO_KINDS = Object.keys(istioCrdSchemas.kinds) as (keyof typeof istioCrdSchemas.kinds)[];

/** Where the shipped schemas come from. */
export const ISTIO_SCHEMA_SOURCE: string = istioCrdSchemas.source;

/** The CRD's schema of `spec` for a kind, as shipped (CEL rules included). */
export function istioSpecSchema(kind: (typeof ISTIO_KINDS)[number]): Record<string, unknown> {
  return istioCrdSchemas.kinds[kind].spec;
}

let validator: StrictSchemaValidator | undefined;

/** Validators for `networking.istio.io` Gateway, VirtualService, DestinationRule and ServiceEntry, every served version. */
export function istioSchemaValidator(): StrictSchemaValidator {
  if (validator) return validator;
  validator = new StrictSchemaValidator();
  for (const kind of ISTIO_KINDS) {
    const crd = istioCrdSchemas.kinds[kind];
    const schema = {
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      additionalProperties: false,
      properties: {
        apiVersion: { enum: crd.versions.map((v) => `networking.istio.io/${v}`) },
        kind: { const: kind },
        metadata: OBJECT_META,
        spec: strictify(crd.spec),
      },
    };
    validator.register(kind, schema);
  }
  return validator;
}
