import type { CelEnv } from '@bufbuild/cel';
import { celLibrary, parseCel } from './cel-parse';

/**
 * A CEL rule of a CRD that an object breaks.
 * @internal
 */
export interface CelRuleFinding {
  /** JSON pointer of the value the rule is on, e.g. `/spec/servers/0/tls`. */
  readonly path: string;
  /** The rule's own message, or the rule when it has none. */
  readonly message: string;
  readonly rule: string;
}

type Schema = Record<string, any>;
type Program = (bindings: { self: unknown }) => unknown;

let env: CelEnv | undefined;

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

/** A compiled rule, and what of `self` its result depends on when that is less than all of it. */
interface CompiledRule {
  readonly run: Program;
  /** What of `self` the rule reads. */
  readonly reads: SelfReads;
  /** Results by schema node (a schema decides how values convert) and key of what the rule reads. */
  readonly results: WeakMap<Schema, Map<string, boolean>>;
  /** Results on a scalar `self`, by its value and whether its schema makes a whole number an int. */
  readonly scalarResults: Map<string, boolean>;
}

/** A field a rule selects on `self`; `presenceOnly` when the rule reads it only in `has(self.f)`. */
interface SelfField {
  readonly name: string;
  readonly presenceOnly: boolean;
}

/**
 * What of `self` a rule reads: some of its fields; only what a comprehension
 * over it iterates (a map's keys: `self.all(key, ...)`); or all of it.
 */
type SelfReads = { readonly kind: 'fields'; readonly fields: readonly SelfField[] } | { readonly kind: 'iterated' } | { readonly kind: 'whole' };

const compiledRules = new Map<string, CompiledRule>();
const MAX_REMEMBERED = 10_000;

/** Compiles a rule once; the CEL library loads only when a rule is evaluated. */
function compile(rule: string): CompiledRule {
  let c = compiledRules.get(rule);
  if (!c) {
    const cel = celLibrary();
    env ??= cel.celEnv({
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      funcs: (require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext')).strings,
      re2: compiledOnce(),
    });
    const parsed = parseCel(rule);
    if (parsed instanceof Error) throw parsed;
    const planned = cel.plan(env, parsed);
    c = { run: (bindings) => planned(bindings as never), reads: selfReads(parsed.expr), results: new WeakMap(), scalarResults: new Map() };
    compiledRules.set(rule, c);
  }
  return c;
}

/**
 * What a parsed rule reads of `self`. Its fields, when `self` appears only as
 * the operand of a field selection or a `has()` test: the rule's result then
 * depends on those fields alone, and on a field read only by `has(self.f)`
 * through its presence alone. What a comprehension iterates, when `self`
 * appears only as the range of comprehensions with one variable
 * (`self.all(key, size(key) < 63)`): over a map, its keys alone. Otherwise
 * (`size(self)`, `self != "*"`, `self.all(x, self...)`, `self` rebound) all of it.
 */
function selfReads(expr: unknown): SelfReads {
  const read = new Set<string>();
  const tested = new Set<string>();
  let iterated = false;
  let whole = false;
  const isSelf = (e: any) => e?.exprKind?.case === 'identExpr' && e.exprKind.value.name === 'self';
  const visit = (node: unknown): void => {
    if (whole || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { $typeName?: string; exprKind?: { case?: string; value?: any } };
    if (n.$typeName === 'cel.expr.Expr') {
      const { case: kind, value } = n.exprKind ?? {};
      if (kind === 'selectExpr' && isSelf(value.operand)) {
        (value.testOnly === true ? tested : read).add(value.field);
        return;
      }
      if (kind === 'identExpr' && value.name === 'self') {
        whole = true;
        return;
      }
      if (kind === 'comprehensionExpr' && [value.iterVar, value.iterVar2, value.accuVar].includes('self')) {
        whole = true;
        return;
      }
      if (kind === 'comprehensionExpr' && !value.iterVar2 && isSelf(value.iterRange)) {
        iterated = true;
        return [value.accuInit, value.loopCondition, value.loopStep, value.result].forEach(visit);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(expr);
  const fields = [...new Set([...read, ...tested])].sort().map((name) => ({ name, presenceOnly: !read.has(name) }));
  if (whole || (iterated && fields.length > 0)) return { kind: 'whole' };
  return iterated ? { kind: 'iterated' } : { kind: 'fields', fields };
}

/**
 * A key of what a rule reads of an object or list `value`, equal for two
 * values exactly when the rule sees the same CEL values under one schema node:
 * its fields, or the keys of a map it iterates (a list's items). Undefined
 * when there is none (a value read whole, or one that is not plain JSON).
 */
function readKey(value: unknown, reads: SelfReads): string | undefined {
  if (reads.kind === 'iterated') return iteratedKey(value);
  if (reads.kind === 'whole') return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const f of reads.fields) {
    if (!Object.hasOwn(value, f.name)) {
      parts.push('');
      continue;
    }
    const v = (value as Record<string, unknown>)[f.name];
    // CEL's has() is false for a null member, and a member CEL cannot read is not keyed.
    const key = f.presenceOnly ? presenceKey(v) : jsonKey(v);
    if (key === undefined) return undefined;
    parts.push(key);
  }
  return parts.join('\u0000');
}

/** What a comprehension over `value` iterates: a map's keys in order (not its values), a list's items. */
function iteratedKey(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const items = jsonKey(value);
    return items === undefined ? undefined : `l${items}`;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return `m${JSON.stringify(Object.keys(value))}`;
  return undefined;
}

/**
 * The key of a member the rule only tests with `has()`: CEL's `has()` is
 * false for a null member and true for any other value, which it does not read.
 */
function presenceKey(v: unknown): string | undefined {
  if (v === null) return 'n';
  return ['string', 'number', 'boolean', 'bigint', 'object'].includes(typeof v) ? 's' : undefined;
}

/** The key of a string, finite number (not -0), boolean or null, with its type: `"1"` and `1` differ. */
function scalarKey(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return `n${v}`;
  return undefined;
}

/** JSON text of a plain JSON value, or undefined when it holds anything else (undefined, NaN, -0, a Map, ...). */
function jsonKey(v: unknown): string | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? JSON.stringify(v) : undefined;
  if (Array.isArray(v)) {
    const items: string[] = [];
    for (const item of v) {
      const k = jsonKey(item);
      if (k === undefined) return undefined;
      items.push(k);
    }
    return `[${items.join(',')}]`;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const members: string[] = [];
    for (const [name, item] of Object.entries(v as Record<string, unknown>)) {
      const k = jsonKey(item);
      if (k === undefined) return undefined;
      members.push(`${JSON.stringify(name)}:${k}`);
    }
    return `{${members.join(',')}}`;
  }
  return undefined;
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
    // Filled member by member: no array of entries per object.
    const members = new Map<string, unknown>();
    for (const k of Object.keys(value)) members.set(k, toCel((value as Record<string, unknown>)[k], memberSchema(schema, k)));
    return members;
  }
  if (schema?.type === 'integer' && typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

interface NodeRules {
  /** The node's own rules, transition rules (`oldSelf`) left out, with their programs compiled on first use. */
  readonly rules: readonly { readonly rule: string; readonly message?: string }[];
  /** Whether the node or any node below it has a rule: subtrees without one are not walked. */
  readonly anyBelow: boolean;
  /** The schemas of the node's declared members that have a rule at or below them. */
  readonly members: ReadonlyMap<string, Schema>;
  /** The schema of its other members (`additionalProperties`), when it has a rule at or below it. */
  readonly otherMembers?: Schema;
  /** The schema of its items, when it has a rule at or below it. */
  readonly items?: Schema;
}

const nodeRules = new WeakMap<Schema, NodeRules>();
const NO_MEMBERS: ReadonlyMap<string, Schema> = new Map();

/** The rules of a schema node, computed once per schema (the shipped schemas are shared objects). */
function rulesOf(schema: Schema): NodeRules {
  let r = nodeRules.get(schema);
  if (r) return r;
  // Guard against recursive schemas while this node is being computed.
  const pending: NodeRules = { rules: [], anyBelow: true, members: NO_MEMBERS };
  nodeRules.set(schema, pending);
  const rules = ((schema['x-kubernetes-validations'] ?? []) as { rule: string; message?: string }[]).filter((v) => !/\boldSelf\b/.test(v.rule));
  const withRules = (s: unknown): s is Schema => typeof s === 'object' && s !== null && rulesOf(s as Schema).anyBelow;
  const members = new Map<string, Schema>();
  for (const [name, member] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (withRules(member)) members.set(name, member);
  }
  const otherMembers = withRules(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const items = withRules(schema.items) ? schema.items : undefined;
  const below = members.size > 0 || otherMembers !== undefined || items !== undefined;
  r = { rules, anyBelow: rules.length > 0 || below, members: members.size > 0 ? members : NO_MEMBERS, otherMembers, items };
  nodeRules.set(schema, r);
  return r;
}

/**
 * Where a rule's result on `value` is remembered, and under which key; none
 * when what the rule reads cannot be keyed. A scalar converts by its schema's
 * type alone (a whole number is an int under `type: integer`), so the same
 * rule shares its results on scalars across schema nodes; any other value
 * converts by the schema node, which keeps its own results.
 */
function rememberedResults(c: CompiledRule, schema: Schema, value: unknown): { results: Map<string, boolean>; key: string } | undefined {
  const scalar = scalarKey(value);
  if (scalar !== undefined) return { results: c.scalarResults, key: `${schema?.type === 'integer' ? 'i' : ''}${scalar}` };
  const key = readKey(value, c.reads);
  if (key === undefined) return undefined;
  let results = c.results.get(schema);
  if (!results) {
    results = new Map();
    c.results.set(schema, results);
  }
  return { results, key };
}

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD's schema on
 * an object, at every value they are declared on, as the Kubernetes API
 * server does on create: a rule holds only if it evaluates to true (an
 * evaluation error is a failure). Transition rules (`oldSelf`) need a
 * previous object and are skipped.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 * @internal
 */
export function evaluateCelRules(schema: Schema, value: unknown, path = ''): CelRuleFinding[] {
  const findings: CelRuleFinding[] = [];
  collectCelRuleFindings(schema, value, path, findings);
  return findings;
}

/**
 * {@link evaluateCelRules} into `findings`: the node's own rules, then each
 * item or member in the value's order. Only members and items whose schema has
 * a rule at or below it are visited (every other one would add nothing).
 */
function collectCelRuleFindings(schema: Schema, value: unknown, path: string, findings: CelRuleFinding[]): void {
  if (value === undefined || schema === undefined || schema === null) return;
  const node = rulesOf(schema);
  if (!node.anyBelow) return;
  let self: unknown;
  let converted = false;
  for (const v of node.rules) {
    const c = compile(v.rule);
    // A rule has one result per value of what it reads of `self` (some fields, a map's keys, a
    // scalar): a thousand ServiceEntries with the same resolution evaluate it once.
    const remembered = rememberedResults(c, schema, value);
    let holds = remembered?.results.get(remembered.key);
    if (holds === undefined) {
      if (!converted) {
        self = toCel(value, schema);
        converted = true;
      }
      let result: unknown;
      try {
        result = c.run({ self });
      } catch (e) {
        result = e;
      }
      holds = result === true;
      if (remembered) {
        if (remembered.results.size >= MAX_REMEMBERED) remembered.results.clear();
        remembered.results.set(remembered.key, holds);
      }
    }
    if (!holds) findings.push({ path: path || '/', message: v.message ?? `failed rule: ${v.rule}`, rule: v.rule });
  }
  if (Array.isArray(value)) {
    if (node.items) for (let i = 0; i < value.length; i++) collectCelRuleFindings(node.items, value[i], `${path}/${i}`, findings);
  } else if (value !== null && typeof value === 'object' && (node.members.size > 0 || node.otherMembers)) {
    for (const k of Object.keys(value)) {
      // The member's schema as memberSchema() finds it: a declared property, else additionalProperties.
      const childSchema = Object.hasOwn(schema.properties ?? {}, k) ? node.members.get(k) : node.otherMembers;
      if (childSchema) collectCelRuleFindings(childSchema, (value as Record<string, unknown>)[k], `${path}/${k}`, findings);
    }
  }
}
