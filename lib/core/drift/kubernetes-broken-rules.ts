import { ADMISSION_RULE_ANNOTATION, admissionPolicyObjects } from '../admission/admission-policy';
import { createRequestOf, evaluateAdmissionPolicy, updateRequestOf } from '../admission/admission-evaluation';
import { felixAdmissionPolicy } from '../encryption/felix-admission-policy';
import { TransitEncryption } from '../encryption/transit-encryption';
import { Rule } from '../validation/rule';
import { ALL_RULES } from '../validation/rule-catalog';

type Obj = Readonly<Record<string, any>>;

/** A rule's compiled form: a ValidatingAdmissionPolicy and the catalogue rule it enforces. */
interface RulePolicy {
  readonly policy: Obj;
  readonly rule: Rule;
}

/**
 * The judge of live Kubernetes objects against the rules whose admission
 * policies the approved manifests carry (each policy names its rule in its
 * `secure-aks.io/rule` annotation), and, for a cluster with Calico WireGuard,
 * the FelixConfiguration policy its transit encryption implies. A rule is
 * judged by its policy, evaluated with the library's CEL: the one
 * implementation the cluster enforces, not a second predicate.
 * @internal
 */
export class KubernetesRuleJudge {
  private readonly policies: readonly RulePolicy[];

  constructor(approved: readonly Obj[], encryption: TransitEncryption | { readonly unknown: string }) {
    const found = approved.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
    if (!('unknown' in encryption) && encryption.kind === 'calicoWireGuard') found.push(admissionPolicyObjects(felixAdmissionPolicy(encryption))[0]);
    const byName = new Map<string, RulePolicy>();
    for (const policy of found) {
      const rule = ALL_RULES.find((r) => r.id === policy.metadata?.annotations?.[ADMISSION_RULE_ANNOTATION]);
      if (rule && !byName.has(policy.metadata.name)) byName.set(policy.metadata.name, { policy, rule });
    }
    this.policies = [...byName.values()];
  }

  /**
   * The rules `field` of a live object breaks: those whose policy denies the
   * approved object with only that field changed to its live value, and
   * admits the approved object as it is (so that the field is the cause).
   */
  public brokenByField(approved: Obj, live: Obj, field: string): Rule[] {
    const changed = withValueAt(approved, field, valueAt(live, field));
    return this.rulesDenying(updateRequestOf(approved, changed), (p) => evaluateAdmissionPolicy(p, updateRequestOf(approved, approved)).denials.length === 0);
  }

  /** The rules a live object the approved manifests do not hold breaks, were it created now. */
  public brokenByObject(live: Obj): Rule[] {
    return this.rulesDenying(createRequestOf(live), () => true);
  }

  private rulesDenying(request: Parameters<typeof evaluateAdmissionPolicy>[1], applies: (policy: Obj) => boolean): Rule[] {
    const rules = this.policies.filter((p) => evaluateAdmissionPolicy(p.policy, request).denials.length > 0 && applies(p.policy)).map((p) => p.rule);
    return [...new Map(rules.map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/**
 * The value at a dotted path (`spec.mtls`), or undefined.
 * @internal
 */
export function valueAt(o: unknown, field: string): unknown {
  return field.split('.').reduce<any>((x, k) => (x === null || x === undefined ? undefined : x[k]), o);
}

/** A copy of `o` with `value` at the dotted path `field` (removed when undefined). */
function withValueAt(o: Obj, field: string, value: unknown): Obj {
  const copy = JSON.parse(JSON.stringify(o)) as Record<string, any>;
  const keys = field.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] !== null && typeof at[k] === 'object' ? at[k] : (at[k] = {});
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = JSON.parse(JSON.stringify(value));
  return copy;
}
