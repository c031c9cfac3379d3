import { strictObjectSchema } from '../kubernetes/crd-schema';
import { StrictSchemaValidator } from '../kubernetes/schema-validator';
import { ISTIO_CRD_SCHEMAS as istioCrdSchemas } from './istio-crd-schemas.generated';

/** The Istio networking kinds whose CRD schema ships with the library. */
export const ISTIO_KINDS = Object.keys(istioCrdSchemas.kinds) as (keyof typeof istioCrdSchemas.kinds)[];

/** Where the shipped schemas come from. */
export const ISTIO_SCHEMA_SOURCE: string = istioCrdSchemas.source;

/** The Istio release the shipped schemas are from (the platform installs this release). */
export const ISTIO_SCHEMA_VERSION: string = istioCrdSchemas.version;

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
    validator.register(kind, strictObjectSchema(kind, istioCrdSchemas.kinds[kind]));
  }
  return validator;
}
