import type { CelEnv } from '@bufbuild/cel';
import { AdmissionOperation, AdmissionPolicySpec } from './admission-policy';
import { celLibrary, parseCel } from '../kubernetes/cel-parse';
import { celLiteralOf } from './cel-literal-reader';
import { answersByText } from '../memo/answers-by-text';

/**
 * An admission request as the API server presents it to a policy.
 * @category Admission policies
 */
export interface AdmissionRequest {
  readonly operation: AdmissionOperation;
  /** The object of the request; absent on DELETE. */
  readonly object?: unknown;
  /** The object before the request; absent on CREATE. */
  readonly oldObject?: unknown;
  /** The resource the request is on: its group (`''` for the core group), version and plural resource name. */
  readonly resource: { readonly group: string; readonly version: string; readonly resource: string };
  readonly namespace?: string;
  readonly name: string;
}

/**
 * What a policy decides on a request.
 * @category Admission policies
 */
export interface AdmissionDecision {
  /** Whether the policy concerns the request (its resource rules and match conditions). */
  readonly matched: boolean;
  /** The messages of the validations that deny it: empty when the request is admitted. */
  readonly denials: readonly string[];
}

type Program = (bindings: Record<string, unknown>) => unknown;

let env: CelEnv | undefined;
const programs = new Map<string, Program>();

/**
 * Compiles a CEL expression once with the CEL library the library already
 * uses (`@bufbuild/cel`): parsed and planned, without the Kubernetes CEL
 * extension libraries (optional types, quantity, url, authorizer), which the
 * generated policies do not use.
 * @throws when the expression does not parse
 * @internal
 */
export function compileAdmissionExpression(expression: string): Program {
  let p = programs.get(expression);
  if (!p) {
    const cel = celLibrary();
    env ??= cel.celEnv({});
    const parsed = parseCel(expression);
    if (parsed instanceof Error) throw parsed;
    const planned = cel.plan(env, parsed);
    p = (bindings) => planned(bindings as never);
    programs.set(expression, p);
  }
  return p;
}

/**
 * How many distinct CEL expressions this process has compiled for admission
 * policies (each is compiled once; a variable that is only a literal of data
 * is read without compiling).
 * @internal
 */
export function compiledAdmissionExpressionCount(): number {
  return programs.size;
}

/**
 * A JSON value as the API server gives it to CEL: objects as maps, whole
 * numbers as `int` (every number field the policies read, ports, is an integer
 * in its schema), null as null.
 * @internal
 */
export function toCelValue(value: unknown): unknown {
  if (Array.isArray(value)) return celValues().celList(value.map(toCelValue) as never);
  if (value instanceof Map) return celValues().celMap(new Map([...value].map(([k, v]) => [k, toCelValue(v)])) as never);
  if (value !== null && typeof value === 'object') {
    // Filled member by member: no array of entries per object (every object of a synth is converted).
    const members = new Map<string, unknown>();
    for (const k of Object.keys(value)) members.set(k, toCelValue((value as Record<string, unknown>)[k]));
    return celValues().celMap(members as never);
  }
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value ?? null;
}

/**
 * @bufbuild/cel's list and map values: handing CEL its own values, rather than
 * arrays and Maps it wraps again at every read, halves the cost of an evaluation.
 */
function celValues(): Pick<typeof import('@bufbuild/cel'), 'celList' | 'celMap'> {
  return celLibrary();
}


/** The `request` variable of a policy (the fields the generated policies read, and their neighbours). */
function requestValue(r: AdmissionRequest): unknown {
  return toCelValue({
    operation: r.operation,
    name: r.name,
    namespace: r.namespace ?? '',
    resource: r.resource,
    dryRun: false,
  });
}

/** Evaluates one expression: true, false, or the evaluation error's message. */
function run(expression: string, bindings: Record<string, unknown>): boolean | string {
  let result: unknown;
  try {
    result = compileAdmissionExpression(expression)(bindings);
  } catch (e) {
    result = e;
  }
  if (typeof result === 'boolean') return result;
  return `expression could not be evaluated (${result instanceof Error ? result.message : String(result)}): ${expression}`;
}

const NOT_A_LITERAL = Symbol('not a literal');
const literals = new Map<string, unknown>();

/**
 * The variables of a policy for one request, in order (each may read the ones
 * before it). A variable that is a literal of data is read once per text; one
 * that cannot be evaluated is left out, so that an expression reading it fails
 * (and denies, the policy failing closed), as the API server fails an
 * expression whose variable fails.
 */
function variablesOf(variables: readonly { name: string; expression: string }[], bindings: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const scope = { ...bindings, variables: values };
  for (const v of variables) {
    let literal = literals.get(v.expression);
    if (literal === undefined) {
      const read = celLiteralOf(v.expression);
      literal = read === undefined ? NOT_A_LITERAL : toCelValue(read);
      literals.set(v.expression, literal);
    }
    if (literal !== NOT_A_LITERAL) {
      values.set(v.name, literal);
      continue;
    }
    try {
      const value = compileAdmissionExpression(v.expression)(scope);
      if (!(value instanceof Error) && !isCelError(value)) values.set(v.name, value);
    } catch {
      // Left out: reading it fails.
    }
  }
  return values;
}

/** Whether a value is one of @bufbuild/cel's evaluation errors (returned, not thrown). */
function isCelError(value: unknown): boolean {
  return celLibrary().isCelError(value);
}

/**
 * The message of a failed validation: its `messageExpression` when that gives
 * a non-empty string on one line, else its `message`, else the expression.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#message-expression
 */
function messageOf(v: { expression: string; message?: string; messageExpression?: string }, bindings: Record<string, unknown>, failure: boolean | string): string {
  if (v.messageExpression) {
    let written: unknown;
    try {
      written = compileAdmissionExpression(v.messageExpression)(bindings);
    } catch {
      written = undefined;
    }
    if (typeof written === 'string' && written.trim() !== '' && !/[\r\n]/.test(written)) return written;
  }
  return v.message ?? (typeof failure === 'string' ? failure : `failed expression: ${v.expression}`);
}

const matches = (allowed: readonly string[] | undefined, value: string) => (allowed ?? []).some((a) => a === '*' || a === value);

/**
 * Decides a request as the API server's ValidatingAdmissionPolicy plugin
 * does for a policy bound with `validationActions: [Deny]`: the resource rules
 * select the request, every match condition must be true, and then every
 * validation must be true. With `failurePolicy: Fail`, an expression that
 * cannot be evaluated denies.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 * @category Admission policies
 */
export function evaluateAdmissionPolicy(policy: object, request: AdmissionRequest): AdmissionDecision {
  return admissionEvaluator(request)(policy);
}

/**
 * {@link evaluateAdmissionPolicy} of one request, for each policy given: the
 * request is written as CEL values once, on the first policy that selects it,
 * and read by every policy after (CEL values are never changed by an evaluation).
 * @internal
 */
export function admissionEvaluator(request: AdmissionRequest): (policy: object) => AdmissionDecision {
  let bindings: Record<string, unknown> | undefined;
  return (policy) => decide(policy, request, () => (bindings ??= {
    object: toCelValue(request.object ?? null),
    oldObject: toCelValue(request.oldObject ?? null),
    request: requestValue(request),
    params: null,
  }));
}

/** What `policy` decides on `request`, reading the request's CEL bindings from `bindingsOf` once the policy selects it. */
function decide(policy: object, request: AdmissionRequest, bindingsOf: () => Record<string, unknown>): AdmissionDecision {
  const spec = ((policy as { spec?: unknown }).spec ?? {}) as {
    failurePolicy?: string;
    matchConstraints?: { resourceRules?: { apiGroups?: string[]; apiVersions?: string[]; resources?: string[]; operations?: string[] }[] };
    matchConditions?: { expression: string }[];
    variables?: { name: string; expression: string }[];
    validations?: { expression: string; message?: string; messageExpression?: string }[];
  };
  const selected = (spec.matchConstraints?.resourceRules ?? []).some(
    (r) =>
      matches(r.apiGroups, request.resource.group) &&
      matches(r.apiVersions, request.resource.version) &&
      matches(r.resources, request.resource.resource) &&
      matches(r.operations, request.operation),
  );
  if (!selected) return { matched: false, denials: [] };
  const failClosed = spec.failurePolicy !== 'Ignore';
  const bindings = bindingsOf();
  // Any false condition skips the policy; otherwise an error denies when the policy fails closed.
  const conditions = (spec.matchConditions ?? []).map((m) => run(m.expression, bindings));
  if (conditions.includes(false)) return { matched: false, denials: [] };
  const conditionErrors = conditions.filter((r): r is string => typeof r === 'string');
  if (conditionErrors.length > 0) return { matched: true, denials: failClosed ? conditionErrors : [] };
  // Variables are not visible to match conditions, only to validations and their messages:
  // a request none of whose validations concern it reads none.
  const validations = spec.validations ?? [];
  if (validations.length === 0) return { matched: true, denials: [] };
  const scope = spec.variables && spec.variables.length > 0 ? { ...bindings, variables: variablesOf(spec.variables, bindings) } : bindings;
  const denials: string[] = [];
  for (const v of validations) {
    const r = run(v.expression, scope);
    if (r === true) continue;
    if (typeof r === 'string' && !failClosed) continue;
    denials.push(messageOf(v, scope, r));
  }
  return { matched: true, denials };
}

/**
 * The policy object of `spec` with only the validations that can deny
 * `request`: a validation written for some objects (`onlyFor`) holds for
 * every other one by construction, so leaving it out changes no decision,
 * and checking every object of a chart at synth evaluates only the
 * validations of its own kind (a backend policy has one per PeerAuthentication).
 * @internal
 */
export function policyForRequest(spec: AdmissionPolicySpec, policy: object, request: AdmissionRequest): object {
  const rendered = policy as { spec?: { validations?: readonly unknown[] } };
  const validations = rendered.spec?.validations;
  if (!validations || validations.length !== spec.validations.length) return policy;
  const concerns = (i: number) => {
    const only = spec.validations[i].onlyFor;
    return only === undefined || (only.resource === request.resource.resource && (only.namespace === undefined || only.namespace === (request.namespace ?? '')) && (only.names === undefined || namesOf(only.names).has(request.name)));
  };
  const kept = validations.filter((_, i) => concerns(i));
  // Every validation concerns it: the policy as it is (it is only read).
  if (kept.length === validations.length) return policy;
  return { ...rendered, spec: { ...rendered.spec, validations: kept } };
}

const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The names of an `onlyFor` as a set, made once per list. */
function namesOf(names: readonly string[]): ReadonlySet<string> {
  let set = nameSets.get(names);
  if (!set) {
    set = new Set(names);
    nameSets.set(names, set);
  }
  return set;
}

/**
 * The plural resource name of a kind, as the API serves it (`ServiceEntry` is `serviceentries`),
 * worked out once per kind (every object of a synth asks).
 * @internal
 */
export const resourceNameOf: (kind: string) => string = answersByText((kind: string) => {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
});

/**
 * A CREATE request for an object (its group, version and resource from its apiVersion and kind).
 * @category Admission policies
 */
export function createRequestOf(object: { readonly apiVersion?: string; readonly kind?: string; readonly metadata?: { readonly name?: string; readonly namespace?: string } }): AdmissionRequest {
  const [group, version] = (object.apiVersion ?? '').includes('/') ? (object.apiVersion as string).split('/') : ['', object.apiVersion ?? ''];
  return {
    operation: 'CREATE',
    object,
    resource: { group, version, resource: resourceNameOf(object.kind ?? '') },
    namespace: object.metadata?.namespace,
    name: object.metadata?.name ?? '',
  };
}

/**
 * An UPDATE request that changes `before` into `after`.
 * @category Admission policies
 */
export function updateRequestOf(before: Parameters<typeof createRequestOf>[0], after: Parameters<typeof createRequestOf>[0]): AdmissionRequest {
  return { ...createRequestOf(after), operation: 'UPDATE', oldObject: before };
}
