import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { Rule } from '../validation/rule';
import { SourceUrl } from '../validation/sources';

/**
 * The API version of ValidatingAdmissionPolicy and its binding: GA since Kubernetes 1.30.
 * @category Admission policies
 */
export const ADMISSION_POLICY_API_VERSION = 'admissionregistration.k8s.io/v1';
/**
 * The annotation on a policy that names the catalogue rule it enforces.
 * @category Admission policies
 */
export const ADMISSION_RULE_ANNOTATION = 'secure-aks.io/rule';
/**
 * The annotation on a policy that names the document the rule comes from.
 * @category Admission policies
 */
export const ADMISSION_SOURCE_ANNOTATION = 'secure-aks.io/source';
/**
 * The annotation on a policy that says, in words, what it guards (read by the coverage report).
 * @category Admission policies
 */
export const ADMISSION_GUARDS_ANNOTATION = 'secure-aks.io/guards';
/**
 * The annotation on a policy that lists the coverage flows whose statement it keeps true (comma-separated).
 * @category Admission policies
 */
export const ADMISSION_FLOWS_ANNOTATION = 'secure-aks.io/guards-flows';

/**
 * Operations an admission rule can match.
 * @category Admission policies
 */
export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/**
 * The resources a policy applies to (a `matchConstraints.resourceRules` entry).
 * @category Admission policies
 */
export interface AdmissionResourceRule {
  readonly apiGroups: readonly string[];
  readonly apiVersions: readonly string[];
  readonly resources: readonly string[];
  readonly operations: readonly AdmissionOperation[];
}

/**
 * One CEL condition: it must hold (be true) for the request to be admitted.
 * @category Admission policies
 */
export interface AdmissionValidation {
  /** A CEL expression over `object`, `oldObject` and `request`, true when the request keeps the promise. */
  readonly expression: string;
  /** Why the request is denied, naming the rule and its source. */
  readonly message: string;
  /**
   * A CEL expression that writes the denial's message from the request (for
   * instance the object's name and the values it must keep); the API server
   * falls back to `message` when it cannot be evaluated or gives an empty string.
   * @default - `message`
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#message-expression
   */
  readonly messageExpression?: string;
  /**
   * The objects the validation is about, when its expression is written as
   * "not one of those objects, or ..." from these same values: it holds for a
   * request on any other object, so an offline evaluation may skip it there.
   * Without `names`, every object of the resource in the namespace; without
   * `namespace` either, every object of the resource. Not written into the
   * policy object.
   * @default - the validation may concern any request the policy matches
   */
  readonly onlyFor?: { readonly resource: string; readonly namespace?: string; readonly names?: readonly string[] };
}

/**
 * What a ValidatingAdmissionPolicy enforces, written from the facts of one
 * catalogue rule: the resources it looks at, which of their requests it
 * concerns (match conditions), and the conditions a request must meet.
 * @category Admission policies
 */
export interface AdmissionPolicySpec {
  /** The policy's (and its binding's) name: stable, a DNS subdomain. */
  readonly name: string;
  /** The catalogue rule the policy is a compiled form of. */
  readonly rule: Rule;
  /** The document the rule comes from. */
  readonly source: SourceUrl;
  /** What the policy guards, in words, for the reports (e.g. "no pod outside kube-system sets hostNetwork"). */
  readonly guards: string;
  /** The coverage flows whose statement the policy keeps true after day 0. */
  readonly flows: readonly string[];
  readonly resourceRules: readonly AdmissionResourceRule[];
  /** CEL conditions that select the requests the policy concerns; all must be true. */
  readonly matchConditions: readonly { readonly name: string; readonly expression: string }[];
  /**
   * Named CEL expressions the validations read as `variables.<name>`: here,
   * the values a policy's objects must keep, as one literal per kind of
   * object, so that the number of validations does not grow with the objects.
   * @default - none
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#variable-composition
   */
  readonly variables?: readonly { readonly name: string; readonly expression: string }[];
  readonly validations: readonly AdmissionValidation[];
}

/**
 * A CEL string literal: single-quoted, with backslashes and quotes escaped.
 * @internal
 */
export function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * A CEL list literal of strings.
 * @internal
 */
export function celStrings(values: readonly string[]): string {
  return `[${values.map(celString).join(', ')}]`;
}

/**
 * A CEL map literal of strings, its keys in sorted order.
 * @internal
 */
export function celStringMap(values: Readonly<Record<string, string>>): string {
  return `{${Object.keys(values).sort().map((k) => `${celString(k)}: ${celString(values[k])}`).join(', ')}}`;
}

/**
 * A CEL literal of a JSON value (strings, whole numbers as `int`, booleans,
 * lists, and maps with their keys in sorted order), for the data a policy's
 * variables hold.
 * @throws when a number is not a whole number
 * @internal
 */
export function celLiteral(value: CelData): string {
  if (typeof value === 'string') return celString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(celLiteral).join(', ')}]`;
  const map = value as Readonly<Record<string, CelData>>;
  return `{${Object.keys(map).sort().map((k) => `${celString(k)}: ${celLiteral(map[k])}`).join(', ')}}`;
}

/**
 * The data a CEL literal can hold (see {@link celLiteral}).
 * @internal
 */
export type CelData = string | number | boolean | readonly CelData[] | { readonly [key: string]: CelData };

/**
 * `has()` tests of every step of a field path under `root` (`object.spec`, `object.spec.x`, ...), so that reading it cannot fail.
 * @internal
 */
export function celHasPath(root: string, path: readonly string[]): string {
  return path.map((_, i) => `has(${[root, ...path.slice(0, i + 1)].join('.')})`).join(' && ');
}

/**
 * The message of a validation: the rule id first, the source last, on one line (the API server refuses line breaks).
 * @internal
 */
export function admissionMessage(rule: Rule, text: string, source: SourceUrl): string {
  return `[${rule.id}] ${text} (source: ${source})`.replace(/[\r\n]+/g, ' ');
}

/**
 * The ValidatingAdmissionPolicy and its ValidatingAdmissionPolicyBinding for
 * a spec. The policy fails closed (`failurePolicy: Fail`: an expression that
 * cannot be evaluated denies); the binding denies and records the denial in
 * the API server's audit log (`validationActions: [Deny, Audit]`, the
 * control-plane audit logs the cluster sends to Log Analytics).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 * @category Admission policies
 */
export function admissionPolicyObjects(spec: AdmissionPolicySpec): KubernetesObject[] {
  const metadata = {
    name: spec.name,
    labels: { 'app.kubernetes.io/managed-by': 'secure-aks' },
  };
  return [
    {
      apiVersion: ADMISSION_POLICY_API_VERSION,
      kind: 'ValidatingAdmissionPolicy',
      metadata: {
        ...metadata,
        annotations: {
          [ADMISSION_RULE_ANNOTATION]: spec.rule.id,
          [ADMISSION_SOURCE_ANNOTATION]: spec.source,
          [ADMISSION_GUARDS_ANNOTATION]: spec.guards,
          [ADMISSION_FLOWS_ANNOTATION]: spec.flows.join(','),
        },
      },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: spec.resourceRules.map((r) => ({
            apiGroups: [...r.apiGroups],
            apiVersions: [...r.apiVersions],
            resources: [...r.resources],
            operations: [...r.operations],
          })),
        },
        ...(spec.matchConditions.length > 0 ? { matchConditions: spec.matchConditions.map((m) => ({ name: m.name, expression: m.expression })) } : {}),
        ...(spec.variables && spec.variables.length > 0 ? { variables: spec.variables.map((v) => ({ name: v.name, expression: v.expression })) } : {}),
        validations: spec.validations.map((v) => ({ expression: v.expression, message: v.message, ...(v.messageExpression ? { messageExpression: v.messageExpression } : {}) })),
      },
    },
    {
      apiVersion: ADMISSION_POLICY_API_VERSION,
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata,
      spec: { policyName: spec.name, validationActions: ['Deny', 'Audit'] },
    },
  ];
}
