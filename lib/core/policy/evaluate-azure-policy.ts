import { lowerCaseName } from '../description/lower-case-name';
import { UnknownValue } from '../description/unknown-value';
import { Undecided } from '../rules/undecided';
import { AzurePolicyDefinition, PolicyCondition } from './azure-policy-definition';

/**
 * The outcome of one definition on one resource.
 * @category Azure Policy
 */
export type PolicyState = 'compliant' | 'non-compliant' | 'disabled';

/**
 * One definition's result.
 * @category Azure Policy
 */
export interface PolicyResult {
  readonly definition: AzurePolicyDefinition;
  /** The effect after parameters (`Audit`, `Deny`, `AuditIfNotExists`, `Disabled`). */
  readonly effect: string;
  readonly state: PolicyState;
}

/**
 * Options of {@link evaluateAzurePolicy}.
 * @category Azure Policy
 */
export interface PolicyEvaluationOptions {
  /**
   * Assignment parameters, by name, over the definitions' defaults.
   * @default {} - every parameter at its default value
   */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /**
   * Name of the resource group (`resourceGroup().name` in a rule).
   * @default ''
   */
  readonly resourceGroupName?: string;
}

type Json = any;

/** Where a `count` loop stands: its array alias and the element being evaluated. */
interface Current {
  readonly alias: string;
  readonly element: Json;
}

interface Ctx {
  readonly resource: Json;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly resourceGroupName: string;
  readonly current: readonly Current[];
}

/**
 * Evaluates an Azure Policy definition on an ARM resource, as Azure Policy
 * does on a create or update request: the rule's own `if` condition, its
 * parameters at their defaults (or as assigned), string comparisons that
 * ignore case, missing fields as the operators define them, `count` with
 * `where`, and `[*]` aliases. For `AuditIfNotExists`, the related resources
 * are looked for among `deployment`, the other resources deployed with it
 * (a frozen `deployment` is indexed by type once, for every resource of it
 * evaluated after).
 *
 * Aliases `<type>/<path>` address `properties.<path>` of the resource (`sku`,
 * `identity` and `kind` at the top level), leaving out the `properties` of
 * nested resources (a virtual network's inline subnets), as the providers'
 * aliases do.
 *
 * The resource may be a described resource's body as read (not a copy): a
 * `null` is a property that is not set, and an `UnknownValue` is a value
 * not known offline. Conditions combine in three values (`allOf` with a false
 * member is false whatever the others are); when the result still depends on
 * an unknown value, the evaluation throws `Undecided` with its reason,
 * never guessing compliant or non-compliant.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
 * @category Azure Policy
 */
export function evaluateAzurePolicy(
  definition: AzurePolicyDefinition,
  resource: Json,
  deployment: readonly Json[] = [],
  options: PolicyEvaluationOptions = {},
): PolicyResult {
  const parameters = options.parameters === undefined ? defaultParameters(definition) : { ...defaultParameters(definition), ...options.parameters };
  const ctx: Ctx = { resource, parameters, resourceGroupName: options.resourceGroupName ?? '', current: [] };
  const effect = String(decided(evaluateValue(definition.policyRule.then.effect, ctx)));
  if (effect.toLowerCase() === 'disabled') return { definition, effect, state: 'disabled' };
  if (!decided(condition(definition.policyRule.if, ctx))) return { definition, effect, state: 'compliant' };
  if (IF_NOT_EXISTS.test(effect)) {
    const details = definition.policyRule.then.details ?? {};
    const related = ofType(deployment, details.type).filter((r) => isRelated(r, resource, details));
    const exists = anyOf(related.map((r) => (details.existenceCondition ? condition(details.existenceCondition, { ...ctx, resource: r, current: [] }) : true)));
    return { definition, effect, state: decided(exists) ? 'compliant' : 'non-compliant' };
  }
  return { definition, effect, state: 'non-compliant' };
}

const IF_NOT_EXISTS = /^(audit|deploy)ifnotexists$/i;

const DEFAULT_PARAMETERS = new WeakMap<AzurePolicyDefinition, Readonly<Record<string, unknown>>>();

/** A definition's parameters at their default values, read once. */
function defaultParameters(definition: AzurePolicyDefinition): Readonly<Record<string, unknown>> {
  let found = DEFAULT_PARAMETERS.get(definition);
  if (found === undefined) {
    found = Object.fromEntries(Object.entries(definition.parameters).map(([k, p]) => [k, p.defaultValue]));
    DEFAULT_PARAMETERS.set(definition, found);
  }
  return found;
}

/** The outcome of a condition that reads a value not known offline, with the reason. */
class Unsure {
  constructor(public readonly reason: string) {}
}

/** A condition's truth in three values: true, false, or not known. */
type Truth = boolean | Unsure;

/** The truth, or `Undecided` when it is not known. */
function decided<T>(value: T | Unsure | UnknownValue): T {
  if (value instanceof Unsure || value instanceof UnknownValue) throw new Undecided(value.reason);
  return value;
}

/** False when one is false, else not known when one is not known, else true. */
function allOf(truths: readonly Truth[]): Truth {
  if (truths.some((t) => t === false)) return false;
  return truths.find((t): t is Unsure => t instanceof Unsure) ?? true;
}

/** True when one is true, else not known when one is not known, else false. */
function anyOf(truths: readonly Truth[]): Truth {
  if (truths.some((t) => t === true)) return true;
  return truths.find((t): t is Unsure => t instanceof Unsure) ?? false;
}

const not = (t: Truth): Truth => (t instanceof Unsure ? t : !t);

const BY_TYPE = new WeakMap<readonly Json[], Map<string, Json[]>>();

/**
 * The resources of `deployment` whose type may be `type`. A frozen list is
 * indexed once, since it cannot change: an estate evaluates every cluster
 * against the same resources, and filtering them all for each cluster grew
 * with the square of the clusters. A list with a resource whose type is not
 * text is taken whole, for {@link isRelated} to judge in its order.
 */
function ofType(deployment: readonly Json[], type: unknown): readonly Json[] {
  if (!Object.isFrozen(deployment)) return deployment;
  let index = BY_TYPE.get(deployment);
  if (index === undefined) {
    index = new Map();
    for (const r of deployment) {
      const key = typeof r?.type === 'string' ? lowerCaseName(r.type) : '';
      const list = index.get(key);
      if (list) list.push(r);
      else index.set(key, [r]);
    }
    BY_TYPE.set(deployment, index);
  }
  return typeof type === 'string' && !index.has('') ? index.get(lowerCaseName(type)) ?? [] : deployment;
}

/** A related resource of `details.type` on (or under) `resource`, named `details.name` when it says. */
function isRelated(r: Json, resource: Json, details: Json): boolean {
  if (!eqi(r?.type, details.type)) return false;
  const name = String(r.name ?? '');
  const last = name.split('/').pop() ?? '';
  if (details.name && !eqi(last, details.name)) return false;
  const own = String(resource.name ?? '');
  const scope = String(r.scope ?? '');
  // An extension resource scoped to it (by resourceId(), by the template's relative form
  // <type>/<name>, or by name), or a child resource named under it.
  const relative = `${String(resource.type)}/${own}`.toLowerCase();
  return (
    (scope.includes(String(resource.type)) && scope.includes(`'${own}'`)) ||
    scope.toLowerCase() === relative ||
    scope.toLowerCase().endsWith(`/${relative}`) ||
    scope === own ||
    name.startsWith(`${own}/`)
  );
}

/** A condition compiled to the function that decides it on a resource. */
type CompiledCondition = (ctx: Ctx) => Truth;

/** Each condition of a definition compiled once: the same definitions are evaluated on every resource of a tenant. */
const COMPILED = new WeakMap<PolicyCondition, CompiledCondition>();

function condition(raw: PolicyCondition, ctx: Ctx): Truth {
  return compiled(raw)(ctx);
}

function compiled(raw: PolicyCondition): CompiledCondition {
  let decide = COMPILED.get(raw);
  if (decide === undefined) {
    decide = compile(raw);
    COMPILED.set(raw, decide);
  }
  return decide;
}

function compile(raw: PolicyCondition): CompiledCondition {
  // Keywords and operators are case-insensitive ("notin", "NotEquals").
  const c = Object.fromEntries(Object.entries(raw).map(([k, v]) => [KEYWORDS.get(k.toLowerCase()) ?? k, v])) as PolicyCondition;
  if (c.allOf) return lazily((c.allOf as PolicyCondition[]).map(compiled), false);
  if (c.anyOf) return lazily((c.anyOf as PolicyCondition[]).map(compiled), true);
  if (c.not) {
    const inner = compiled(c.not);
    return (ctx) => not(inner(ctx));
  }
  const operator = OPERATORS.find((o) => o in c);
  // Unsupported where it is reached, as before: a branch `allOf` never reaches does not fail the definition.
  if (!operator) return () => { throw new Error(`unsupported policy condition ${JSON.stringify(c)}`); };
  const expectedOf = compiledValue(c[operator]);
  if (c.count) {
    const count = c.count as Json;
    const where = count.where ?? count.Where;
    const whereOf = where ? compiled(where) : undefined;
    const fieldOf = compiledValue(count.field);
    return (ctx) => {
      const expected = expectedOf(ctx);
      if (expected instanceof UnknownValue) return new Unsure(expected.reason);
      const n = countOf(String(decided(fieldOf(ctx))), whereOf, ctx);
      return n instanceof Unsure ? n : compare(operator, n, expected, true);
    };
  }
  if ('value' in c) {
    const valueOf = compiledValue(c.value);
    return (ctx) => {
      const expected = expectedOf(ctx);
      if (expected instanceof UnknownValue) return new Unsure(expected.reason);
      const value = valueOf(ctx);
      const unknown = unknownPart(value);
      return unknown ? new Unsure(unknown.reason) : compare(operator, value, expected, true);
    };
  }
  const fieldOf = compiledValue(c.field);
  return (ctx) => {
    const expected = expectedOf(ctx);
    if (expected instanceof UnknownValue) return new Unsure(expected.reason);
    const { values, many } = fieldValues(String(decided(fieldOf(ctx))), ctx);
    // A `[*]` alias outside `count` holds when every member does.
    if (many) return allOf(values.map((v) => compareRead(operator, v, expected)));
    return compareRead(operator, values[0], expected);
  };
}

/**
 * `allOf` (`decisive` false) or `anyOf` (`decisive` true), stopping at the
 * first member that gives the decisive answer (a later member may read what
 * the earlier ones rule out); else not known when one is not known.
 */
function lazily(conditions: readonly CompiledCondition[], decisive: boolean): CompiledCondition {
  return (ctx) => {
    let unsure: Unsure | undefined;
    for (const decide of conditions) {
      const t = decide(ctx);
      if (t === decisive) return decisive;
      if (t instanceof Unsure) unsure ??= t;
    }
    return unsure ?? !decisive;
  };
}

/** A literal, or an expression parsed once and evaluated on each resource. */
function compiledValue(v: unknown): (ctx: Ctx) => unknown {
  if (typeof v === 'string' && v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']')) {
    const parsed = parsedExpression(v);
    return (ctx) => evaluateExpression(parsed, ctx);
  }
  if (Array.isArray(v) && v.some((x) => typeof x === 'string' && x.startsWith('['))) return (ctx) => evaluateValue(v, ctx);
  return () => v;
}

/**
 * An operator on a value read from the resource. A `null` is a property that
 * is not set: Azure reports an unset property as `null` and Azure Policy
 * evaluates it as missing (`exists` is false, `notEquals` holds, `equals`
 * does not), see the conditions and the `exists` operator in
 * https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions.
 * A value not known offline (or one with an unknown part, except where only
 * its presence or its keys count) makes the condition not known.
 */
function compareRead(operator: Operator, actual: unknown, expected: unknown): Truth {
  if (actual instanceof UnknownValue) return new Unsure(actual.reason);
  const present = actual !== undefined && actual !== null;
  if (present && !PRESENCE_OR_KEYS.has(operator)) {
    const unknown = unknownPart(actual);
    if (unknown) return new Unsure(unknown.reason);
  }
  return compare(operator, actual, expected, present);
}

/** The operators that read only whether a value is there, or the names of its members. */
const PRESENCE_OR_KEYS = new Set<Operator>(['exists', 'containsKey', 'notContainsKey']);

/** The first unknown value inside `value`, if any. */
function unknownPart(value: unknown): UnknownValue | undefined {
  if (value instanceof UnknownValue) return value;
  if (value === null || typeof value !== 'object') return undefined;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = unknownPart(v);
    if (found) return found;
  }
  return undefined;
}

const OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'exists',
  'like',
  'notLike',
  'contains',
  'notContains',
  'containsKey',
  'notContainsKey',
  'less',
  'lessOrEquals',
  'greater',
  'greaterOrEquals',
  'match',
  'notMatch',
] as const;

type Operator = (typeof OPERATORS)[number];

const KEYWORDS = new Map<string, string>(['allOf', 'anyOf', 'not', 'field', 'value', 'count', 'where', ...OPERATORS].map((k) => [k.toLowerCase(), k]));

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : typeof v === 'boolean' || typeof v === 'number' ? String(v).toLowerCase() : JSON.stringify(v));
const eqi = (a: unknown, b: unknown) => a !== undefined && b !== undefined && lower(a) === lower(b);
const truthy = (v: unknown) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

/** Each pattern of `like` and `match` compiled once. */
const PATTERNS = new Map<string, RegExp>();

function pattern(operator: 'like' | 'match', expected: string): RegExp {
  const key = `${operator}:${expected}`;
  let re = PATTERNS.get(key);
  if (re === undefined) {
    re =
      operator === 'like'
        ? new RegExp(`^${expected.split('*').map(escapeRegex).join('.*')}$`, 'i')
        : new RegExp(`^${[...expected].map((ch) => (ch === '#' ? '[0-9]' : ch === '?' ? '[a-zA-Z]' : ch === '.' ? '.' : escapeRegex(ch))).join('')}$`);
    PATTERNS.set(key, re);
  }
  return re;
}

function compare(operator: Operator, actual: unknown, expected: unknown, present: boolean): boolean {
  switch (operator) {
    case 'exists':
      // A property Azure returns as null is not set (an az aks show body lists unset properties as null).
      return (present && actual !== null) === truthy(expected);
    case 'equals':
      return present && eqi(actual, expected);
    case 'notEquals':
      return !present || !eqi(actual, expected);
    case 'in':
      return present && Array.isArray(expected) && expected.some((e) => eqi(actual, e));
    case 'notIn':
      return !present || !Array.isArray(expected) || !expected.some((e) => eqi(actual, e));
    case 'like':
    case 'notLike': {
      const hit = present && pattern('like', String(expected)).test(String(actual));
      return operator === 'like' ? hit : !hit;
    }
    case 'match':
    case 'notMatch': {
      const hit = present && pattern('match', String(expected)).test(String(actual));
      return operator === 'match' ? hit : !hit;
    }
    case 'contains':
    case 'notContains': {
      const hit = present && (Array.isArray(actual) ? actual.some((a) => eqi(a, expected)) : lower(actual).includes(lower(expected)));
      return operator === 'contains' ? hit : !hit;
    }
    case 'containsKey':
    case 'notContainsKey': {
      const hit = present && typeof actual === 'object' && actual !== null && Object.keys(actual).some((k) => eqi(k, expected));
      return operator === 'containsKey' ? hit : !hit;
    }
    default: {
      if (!present) return false;
      const [a, b] = typeof actual === 'number' || typeof expected === 'number' ? [Number(actual), Number(expected)] : [lower(actual), lower(expected)];
      if (operator === 'less') return a < b;
      if (operator === 'lessOrEquals') return a <= b;
      if (operator === 'greater') return a > b;
      return a >= b;
    }
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The number of elements a `count` counts, or not known when the array or a `where` over an element is not known. */
function countOf(alias: string, where: CompiledCondition | undefined, ctx: Ctx): number | Unsure {
  if (!alias.endsWith('[*]')) throw new Error(`unsupported count over ${alias}`);
  const { values } = fieldValues(alias.slice(0, -3), ctx);
  if (values[0] instanceof UnknownValue) return new Unsure(values[0].reason);
  const items = Array.isArray(values[0]) ? (values[0] as Json[]) : [];
  if (!where) return items.length;
  let n = 0;
  for (const element of items) {
    const t = element instanceof UnknownValue ? new Unsure(element.reason) : where({ ...ctx, current: [{ alias, element }, ...ctx.current] });
    if (t instanceof Unsure) return t;
    if (t) n++;
  }
  return n;
}

const TOP_LEVEL = new Set(['sku', 'identity', 'kind', 'plan', 'zones', 'location', 'tags']);
const RESOURCE_FIELDS = new Set(['type', 'name', 'location', 'kind', 'id', 'fullname']);

/** A field's alias, read once: what it names on the resource, and the path it follows. */
interface Alias {
  readonly lower: string;
  /** `type`, `name`, `location`, `kind`, `id`: the resource's own field. */
  readonly resourceField?: string;
  /** The tag a `tags['name']` or `tags.name` field names. */
  readonly tag?: string;
  /** The resource type of a `<type>/<path>` alias. */
  readonly type: string;
  /** The same, lowercased, as it is compared with a resource's type. */
  readonly typeLower: string;
  readonly path: readonly Step[];
  /** Whether the path starts at the resource (`sku`, `identity`, ...) rather than at its `properties`. */
  readonly topLevel: boolean;
}

/** One member of a path, `[*]` when it stands for every element of an array. */
interface Step {
  readonly key: string;
  readonly star: boolean;
}

const ALIASES = new Map<string, Alias>();

function parsedAlias(alias: string): Alias {
  let parsed = ALIASES.get(alias);
  if (parsed === undefined) {
    const lower = alias.toLowerCase();
    const tag = /^tags(?:\[['"]?(.+?)['"]?\]|\.(.+))$/.exec(alias);
    const slash = alias.lastIndexOf('/');
    const path = alias.slice(slash + 1);
    parsed = {
      lower,
      resourceField: RESOURCE_FIELDS.has(lower) ? (lower === 'fullname' ? 'name' : lower) : undefined,
      tag: tag ? tag[1] ?? tag[2] : undefined,
      type: alias.slice(0, slash),
      typeLower: alias.slice(0, slash).toLowerCase(),
      path: steps(path),
      topLevel: TOP_LEVEL.has(path.split(/[.[]/)[0]),
    };
    ALIASES.set(alias, parsed);
  }
  return parsed;
}

function steps(path: string): Step[] {
  return path
    .split('.')
    .filter((raw) => raw !== '')
    .map((raw) => (raw.endsWith('[*]') ? { key: raw.slice(0, -3), star: true } : { key: raw, star: false }));
}

/** The values a field refers to; `many` when the alias has a `[*]` outside the current count. */
function fieldValues(text: string, ctx: Ctx): { values: unknown[]; many: boolean } {
  const r = ctx.resource ?? {};
  const alias = parsedAlias(text);
  if (alias.resourceField !== undefined) return { values: [r[alias.resourceField]], many: false };
  // `identity.type` is a field of every resource, beside the aliases.
  if (alias.lower === 'identity.type') return { values: [lookupCaseInsensitive(r.identity, 'type')], many: false };
  if (alias.tag !== undefined) return { values: [lookupCaseInsensitive(r.tags, alias.tag)], many: false };
  // Inside a count, the loop's array alias (also in its legacy form without "[*]") names the current element.
  for (const cur of ctx.current) {
    for (const { prefix, member } of loopPrefixes(cur.alias)) {
      if (alias.lower === prefix || alias.lower.startsWith(member)) return walk(cur.element, relativeSteps(text, prefix.length));
    }
  }
  if (r.type === undefined || alias.typeLower !== (typeof r.type === 'string' ? lowerCaseName(r.type) : lower(r.type))) return { values: [undefined], many: false };
  return walk(alias.topLevel ? r : r.properties, alias.path);
}

/** A count's array alias as a field names it, with and without its `[*]`, lowercased, and followed by a dot (a member of it). */
interface LoopPrefix {
  readonly prefix: string;
  readonly member: string;
}

/** Each count's prefixes, read once per alias. */
const LOOP_PREFIXES = new Map<string, readonly LoopPrefix[]>();

function loopPrefixes(arrayAlias: string): readonly LoopPrefix[] {
  let found = LOOP_PREFIXES.get(arrayAlias);
  if (found === undefined) {
    const loop = arrayAlias.slice(0, -3).toLowerCase();
    found = [`${loop}[*]`, loop].map((prefix) => ({ prefix, member: `${prefix}.` }));
    LOOP_PREFIXES.set(arrayAlias, found);
  }
  return found;
}

/** The steps of a field after its count's prefix (`length` characters), read once per field and length, found without a key made per lookup. */
const RELATIVE_STEPS = new Map<string, Map<number, readonly Step[]>>();

function relativeSteps(field: string, length: number): readonly Step[] {
  let byLength = RELATIVE_STEPS.get(field);
  if (byLength === undefined) {
    byLength = new Map();
    RELATIVE_STEPS.set(field, byLength);
  }
  let found = byLength.get(length);
  if (found === undefined) {
    found = steps(field.slice(length));
    byLength.set(length, found);
  }
  return found;
}

/**
 * Follows `a.b[*].c` through `root`; an unknown value on the way is the value
 * found. A member not found is looked for in the `properties` of a nested
 * resource, which aliases leave out (`subnets[*].addressPrefix` is
 * `subnets[*].properties.addressPrefix`).
 */
function walk(root: unknown, path: readonly Step[]): { values: unknown[]; many: boolean } {
  // One value until the first `[*]` (most aliases have none).
  let value = root;
  let i = 0;
  for (; i < path.length && !path[i].star; i++) value = aliasMember(value, path[i].key);
  if (i === path.length) return { values: [value], many: false };
  let values: unknown[] = [value];
  let many = false;
  for (const { key, star } of path.slice(i)) {
    values = values.map((v) => aliasMember(v, key));
    if (star) {
      many = true;
      values = values.flatMap((v) => (Array.isArray(v) ? v : v instanceof UnknownValue ? [v] : []));
    }
  }
  return { values, many };
}

/** The member of an object an alias step names: its own, else its `properties`' (a nested resource's). */
function aliasMember(v: unknown, key: string): unknown {
  const own = lookupCaseInsensitive(v, key);
  return own === undefined ? lookupCaseInsensitive(lookupCaseInsensitive(v, 'properties'), key) : own;
}

function lookupCaseInsensitive(v: unknown, key: string): unknown {
  if (v instanceof UnknownValue) return v;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (key in o) return o[key];
  const wanted = lowerCaseName(key);
  for (const k in o) if (lowerCaseName(k) === wanted) return o[k];
  return undefined;
}

/** A literal, or a template expression `[fn(...)]` of the functions policy rules use. */
function evaluateValue(v: unknown, ctx: Ctx): unknown {
  if (typeof v === 'string' && v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']')) return evaluateExpression(parsedExpression(v), ctx);
  if (Array.isArray(v)) return v.map((x) => evaluateValue(x, ctx));
  return v;
}

/** A parsed template expression: a literal, or a function call with its arguments and the properties read from its result. */
type Expression = { readonly literal: string | number } | { readonly call: string; readonly args: readonly Expression[]; readonly properties: readonly string[] };

/** Each expression text parsed once: a definition's expressions are evaluated on every resource. */
const PARSED = new Map<string, Expression>();

function parsedExpression(text: string): Expression {
  let parsed = PARSED.get(text);
  if (parsed === undefined) {
    parsed = new ExpressionParser(text.slice(1, -1)).parse();
    PARSED.set(text, parsed);
  }
  return parsed;
}

function evaluateExpression(e: Expression, ctx: Ctx): unknown {
  if ('literal' in e) return e.literal;
  if (e.call === 'if') return evaluateIf(e, ctx);
  let value = call(e.call, e.args.map((a) => evaluateExpression(a, ctx)), ctx);
  for (const p of e.properties) value = lookupCaseInsensitive(value, p);
  return value;
}

/**
 * `if(condition, then, else)`, evaluating only the branch the condition
 * takes, as Azure Policy does (so `int()` in a branch not taken never fails).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#avoiding-template-failures
 */
function evaluateIf(e: Extract<Expression, { call: string }>, ctx: Ctx): unknown {
  const condition = evaluateExpression(e.args[0], ctx);
  if (condition instanceof UnknownValue) return condition;
  let value = evaluateExpression(e.args[condition === true ? 1 : 2], ctx);
  for (const p of e.properties) value = lookupCaseInsensitive(value, p);
  return value;
}

function call(fn: string, args: unknown[], ctx: Ctx): unknown {
  // A function of a value not known offline is not known either.
  const unknown = args.find((a) => a instanceof UnknownValue);
  if (unknown !== undefined) return unknown;
  switch (fn) {
    case 'parameters':
      return ctx.parameters[String(args[0])];
    case 'concat':
      return args.every(Array.isArray) ? (args as unknown[][]).flat() : args.map((a) => String(a ?? '')).join('');
    case 'padleft': {
      const s = String(args[0] ?? '');
      return s.padStart(Number(args[1]), String(args[2] ?? ' '));
    }
    case 'current': {
      const cur = ctx.current[0];
      if (!cur) return undefined;
      const alias = args.length > 0 ? String(args[0]) : cur.alias;
      return fieldValues(alias, ctx).values[0];
    }
    case 'field':
      return fieldValues(String(args[0]), ctx).values[0];
    case 'resourcegroup':
      return { name: ctx.resourceGroupName };
    case 'tolower':
      return String(args[0] ?? '').toLowerCase();
    case 'toupper':
      return String(args[0] ?? '').toUpperCase();
    case 'string':
      return String(args[0] ?? '');
    case 'empty':
      return args[0] === undefined || args[0] === null || args[0] === '' || (Array.isArray(args[0]) && args[0].length === 0);
    case 'equals':
      return eqi(args[0], args[1]);
    case 'contains':
      // Case-sensitive, as the template function is (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#contains).
      return typeof args[0] === 'string' ? args[0].includes(String(args[1])) : Array.isArray(args[0]) && args[0].includes(args[1]);
    case 'split':
      return String(args[0] ?? '').split(String(args[1]));
    case 'last':
      return Array.isArray(args[0]) ? args[0][args[0].length - 1] : String(args[0] ?? '').slice(-1);
    case 'int': {
      const text = String(args[0]);
      // Azure Policy fails the evaluation of a text that is not a whole number.
      if (!/^[+-]?\d+$/.test(text.trim())) throw new Error(`int() of ${JSON.stringify(args[0])}, which is not a whole number`);
      return Number(text);
    }
    default:
      throw new Error(`unsupported policy function ${fn}()`);
  }
}

/** A small parser for the template functions found in policy rules. */
class ExpressionParser {
  private i = 0;
  constructor(private readonly text: string) {}

  public parse(): Expression {
    const v = this.expression();
    this.skip();
    if (this.i !== this.text.length) throw new Error(`unsupported policy expression [${this.text}]`);
    return v;
  }

  private skip(): void {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
  }

  private expression(): Expression {
    this.skip();
    const ch = this.text[this.i];
    if (ch === "'") {
      let s = '';
      this.i++;
      for (;;) {
        const c = this.text[this.i++];
        if (c === undefined) throw new Error(`unterminated string in [${this.text}]`);
        if (c === "'") {
          if (this.text[this.i] === "'") {
            s += "'";
            this.i++;
            continue;
          }
          return { literal: s };
        }
        s += c;
      }
    }
    const num = /^-?\d+/.exec(this.text.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return { literal: Number(num[0]) };
    }
    const id = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.i));
    if (!id) throw new Error(`unsupported policy expression [${this.text}]`);
    this.i += id[0].length;
    this.skip();
    if (this.text[this.i] !== '(') throw new Error(`unsupported policy expression [${this.text}]`);
    this.i++;
    const args: Expression[] = [];
    this.skip();
    while (this.text[this.i] !== ')') {
      args.push(this.expression());
      this.skip();
      if (this.text[this.i] === ',') this.i++;
      this.skip();
    }
    this.i++;
    const properties: string[] = [];
    while (this.text[this.i] === '.') {
      this.i++;
      const prop = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.i))![0];
      this.i += prop.length;
      properties.push(prop);
    }
    return { call: id[0].toLowerCase(), args, properties };
  }
}
