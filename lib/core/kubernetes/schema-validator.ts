import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';

/**
 * The options of every strict validator: compiled ones (at build time) and registered ones alike.
 * @internal
 */
export const STRICT_VALIDATOR_OPTIONS: Options = { allErrors: true, strict: false, validateFormats: false };

/**
 * One schema error of an object.
 * @category Kubernetes objects
 */
export interface SchemaFinding {
  /** JSON pointer of the offending field. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Validates objects against JSON schemas strictly: a field the schema does
 * not declare is an error (as with `kubectl apply --validate=strict`).
 * The shipped CRD schemas come compiled ({@link StrictSchemaValidator.shipped});
 * other schemas are compiled once per key when registered.
 * @category Kubernetes objects
 */
export class StrictSchemaValidator {
  /**
   * The validators of the shipped Istio, cert-manager and Calico schemas,
   * compiled at build time (ajv's standalone code), loaded on first use.
   */
  public static shipped(): StrictSchemaValidator {
    if (!shippedValidator) {
      shippedValidator = new StrictSchemaValidator();
      // One module per schema: only the kinds a synth meets are loaded.
      const dir = path.join(__dirname, 'schema-validators');
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.generated.js')).sort()) {
        const key = file.replace(/\.generated\.js$/, '').replace('.', '/');
        shippedValidator.lazy.set(key, () => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const fn = (require(path.join(dir, file)) as Record<string, ValidateFunction>)[key];
          if (typeof fn !== 'function') throw new Error(`${file} does not export the validator of ${key}`);
          return fn;
        });
      }
    }
    return shippedValidator;
  }

  /** Validators compiled at build time, loaded on their first use. */
  private readonly lazy = new Map<string, () => ValidateFunction>();
  private ajv?: { compile(schema: object): ValidateFunction };
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Compiles and registers `schema` under `key` (for a schema that does not ship). */
  public register(key: string, schema: object): void {
    if (!this.ajv) {
      // Kubernetes OpenAPI formats (int32, byte, ...) are type hints here, not checks.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Ajv = (require('ajv') as { default: new (o: Options) => { compile(schema: object): ValidateFunction } }).default;
      this.ajv = new Ajv(STRICT_VALIDATOR_OPTIONS);
    }
    this.compiled.set(key, this.ajv.compile(schema));
  }

  /** Whether a schema is registered under `key`. */
  public has(key: string): boolean {
    return this.compiled.has(key) || this.lazy.has(key);
  }

  /** Validates `object` against the schema registered under `key`. */
  public validate(key: string, object: unknown): SchemaFinding[] {
    let fn = this.compiled.get(key);
    const load = fn ? undefined : this.lazy.get(key);
    if (load) {
      fn = load();
      this.compiled.set(key, fn);
      this.lazy.delete(key);
    }
    if (!fn) return [{ path: '', message: `no schema is known for ${key}` }];
    if (fn(object)) return [];
    return (fn.errors ?? []).map(toFinding);
  }
}

let shippedValidator: StrictSchemaValidator | undefined;

function toFinding(e: ErrorObject): SchemaFinding {
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    return { path: `${e.instancePath}/${field}`, message: `unknown field "${field}"` };
  }
  return { path: e.instancePath || '/', message: e.message ?? e.keyword };
}
