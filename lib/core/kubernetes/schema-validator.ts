import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

/** One schema error of an object. */
export interface SchemaFinding {
  /** JSON pointer of the offending field. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Validates objects against JSON schemas strictly: a field the schema does
 * not declare is an error (as with `kubectl apply --validate=strict`).
 * Schemas are compiled once per key.
 */
export class StrictSchemaValidator {
  // Kubernetes OpenAPI formats (int32, byte, ...) are type hints here, not checks.
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Registers `schema` under `key` (for example `networking.istio.io/v1/Gateway`). */
  public register(key: string, schema: object): void {
    this.compiled.set(key, this.ajv.compile(schema));
  }

  /** Whether a schema is registered under `key`. */
  public has(key: string): boolean {
    return this.compiled.has(key);
  }

  /** Validates `object` against the schema registered under `key`. */
  public validate(key: string, object: unknown): SchemaFinding[] {
    const fn = this.compiled.get(key);
    if (!fn) return [{ path: '', message: `no schema is known for ${key}` }];
    if (fn(object)) return [];
    return (fn.errors ?? []).map(toFinding);
  }
}

function toFinding(e: ErrorObject): SchemaFinding {
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    return { path: `${e.instancePath}/${field}`, message: `unknown field "${field}"` };
  }
  return { path: e.instancePath || '/', message: e.message ?? e.keyword };
}
