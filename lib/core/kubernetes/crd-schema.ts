import { DNS1123_LABEL } from './kubernetes-names';

/**
 * Strict schemas of custom resources from their CRDs, the way
 * `kubectl apply --validate=strict` checks an object: an object that declares
 * properties rejects any other field, unless it preserves unknown fields.
 */

/**
 * A CRD pattern for JavaScript. The API server evaluates patterns as Go (RE2)
 * regular expressions, where `(?i)` makes the rest case-insensitive; JavaScript
 * has no inline flag, so each letter after it becomes a class of both cases.
 * @see https://github.com/google/re2/wiki/Syntax
 * @internal
 */
export function jsPattern(pattern: string): string {
  const at = pattern.indexOf('(?i)');
  if (at < 0) return pattern;
  let out = pattern.slice(0, at);
  let inClass = false;
  for (let i = at + 4; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      inClass = false;
      out += ch;
    } else if (!inClass && /[A-Za-z]/.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      out += ch;
    }
  }
  return out.replace(/\(\?i\)/g, '');
}

/**
 * Makes an OpenAPI schema strict: declared properties only.
 * @internal
 */
export function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    // `description` texts are long and not needed for validation.
    if (k === 'description') continue;
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strictify(s)]))
        : k === 'pattern' && typeof v === 'string'
          ? jsPattern(v)
          : strictify(v);
  }
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The ObjectMeta fields of a namespaced object, as this library and users' charts write them.
 * @internal
 */
export const NAMESPACED_METADATA = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string', pattern: DNS1123_LABEL.source, maxLength: 63 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

/**
 * The ObjectMeta fields of a cluster-scoped object: no namespace.
 * @internal
 */
export const CLUSTER_SCOPED_METADATA = {
  ...NAMESPACED_METADATA,
  properties: { name: NAMESPACED_METADATA.properties.name, labels: NAMESPACED_METADATA.properties.labels, annotations: NAMESPACED_METADATA.properties.annotations },
} as const;

/**
 * A CRD kind as the generated schema modules hold it.
 * @internal
 */
export interface CrdKind {
  readonly group: string;
  readonly versions: readonly string[];
  readonly spec: Record<string, unknown>;
}

/**
 * The strict schema of a whole object of `kind`: its API versions (every
 * served version, and `extraApiVersions`), kind, metadata and spec.
 * @internal
 */
export function strictObjectSchema(kind: string, crd: CrdKind, metadata: object = NAMESPACED_METADATA, extraApiVersions: readonly string[] = []): Record<string, unknown> {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { enum: [...crd.versions.map((v) => `${crd.group}/${v}`), ...extraApiVersions] },
      kind: { const: kind },
      metadata,
      spec: strictify(crd.spec),
    },
  };
}
