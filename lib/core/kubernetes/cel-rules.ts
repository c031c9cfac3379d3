import type { CelEnv } from '@bufbuild/cel';

/** A CEL rule of a CRD that an object breaks. */
export interface CelRuleFinding {
  /** JSON pointer of the value the rule is on, e.g. `/spec/servers/0/tls`. */
  readonly path: string;
  /** The rule's own message, or the rule when it has none. */
  readonly message: string;
  readonly rule: string;
}

type Schema = Record<string, any>;
type Program = (bindings: { self: unknown }) => unknown;

let cel: typeof import('@bufbuild/cel') | undefined;
let env: CelEnv | undefined;
const programs = new Map<string, Program>();

/**
 * CEL's `matches()` with each pattern compiled once: the built-in one compiles
 * the pattern at every evaluation, and a CRD's pattern rule runs once per value
 * (a thousand hosts, a thousand compilations of the same RE2 pattern).
 */
function compiledOnce(): { compile(pattern: string): { test(input: string): boolean } } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2JS } = require('@bufbuild/re2') as typeof import('@bufbuild/re2');
  const compiled = new Map<string, InstanceType<typeof RE2JS>>();
  return {
    compile(pattern) {
      let re = compiled.get(pattern);
      if (!re) {
        re = RE2JS.compile(pattern);
        compiled.set(pattern, re);
      }
      return re;
    },
  };
}

/** Compiles a rule once; the CEL library loads only when a rule is evaluated. */
function program(rule: string): Program {
  let p = programs.get(rule);
  if (!p) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cel ??= require('@bufbuild/cel') as typeof import('@bufbuild/cel');
    env ??= cel.celEnv({
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      funcs: (require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext')).strings,
      re2: compiledOnce(),
    });
    const planned = cel.plan(env, cel.parse(rule));
    p = (bindings) => planned(bindings as never);
    programs.set(rule, p);
  }
  return p;
}

/** The schema of an object's member `key`: a declared property, else `additionalProperties`. */
function memberSchema(schema: Schema | undefined, key: string): Schema | undefined {
  if (schema?.properties && Object.hasOwn(schema.properties, key)) return schema.properties[key];
  return typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** The value as CEL sees it under `schema`: objects as maps, integers as int. */
function toCel(value: unknown, schema: Schema | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => toCel(v, schema?.items));
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCel(v, memberSchema(schema, k))]));
  }
  if (schema?.type === 'integer' && typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

interface NodeRules {
  /** The node's own rules, transition rules (`oldSelf`) left out, with their programs compiled on first use. */
  readonly rules: readonly { readonly rule: string; readonly message?: string }[];
  /** Whether the node or any node below it has a rule: subtrees without one are not walked. */
  readonly anyBelow: boolean;
}

const nodeRules = new WeakMap<Schema, NodeRules>();

/** The rules of a schema node, computed once per schema (the shipped schemas are shared objects). */
function rulesOf(schema: Schema): NodeRules {
  let r = nodeRules.get(schema);
  if (r) return r;
  // Guard against recursive schemas while this node is being computed.
  nodeRules.set(schema, { rules: [], anyBelow: true });
  const rules = ((schema['x-kubernetes-validations'] ?? []) as { rule: string; message?: string }[]).filter((v) => !/\boldSelf\b/.test(v.rule));
  const children: Schema[] = [
    ...Object.values((schema.properties ?? {}) as Record<string, Schema>),
    ...(typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null ? [schema.additionalProperties] : []),
    ...(schema.items && typeof schema.items === 'object' ? [schema.items] : []),
  ];
  r = { rules, anyBelow: rules.length > 0 || children.some((c) => rulesOf(c).anyBelow) };
  nodeRules.set(schema, r);
  return r;
}

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD's schema on
 * an object, at every value they are declared on, as the Kubernetes API
 * server does on create: a rule holds only if it evaluates to true (an
 * evaluation error is a failure). Transition rules (`oldSelf`) need a
 * previous object and are skipped.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export function evaluateCelRules(schema: Schema, value: unknown, path = ''): CelRuleFinding[] {
  if (value === undefined || schema === undefined || schema === null) return [];
  const { rules, anyBelow } = rulesOf(schema);
  if (!anyBelow) return [];
  const findings: CelRuleFinding[] = [];
  const self = rules.length > 0 ? toCel(value, schema) : undefined;
  for (const v of rules) {
    let result: unknown;
    try {
      result = program(v.rule)({ self });
    } catch (e) {
      result = e;
    }
    if (result !== true) findings.push({ path: path || '/', message: v.message ?? `failed rule: ${v.rule}`, rule: v.rule });
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => findings.push(...evaluateCelRules(schema.items, item, `${path}/${i}`)));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, child] of Object.entries(value as Record<string, unknown>)) {
      const childSchema = memberSchema(schema, k);
      if (childSchema) findings.push(...evaluateCelRules(childSchema, child, `${path}/${k}`));
    }
  }
  return findings;
}
