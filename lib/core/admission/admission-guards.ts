import type { FlowCoverage } from '../encryption/encryption-coverage';
import { sameJson } from '../kubernetes/json-equality';
import { AdmissionPolicySpec, admissionPolicyObjects } from './admission-policy';

/** Where a policy or binding is looked for among the deployed ones: its kind and name (any other name in one place). */
const placeOf = (o: { kind?: unknown; metadata?: { name?: unknown } } | null): string => `${String(o?.kind)}|${typeof o?.metadata?.name === 'string' ? `=${o.metadata.name}` : '?'}`;

/**
 * The policies among `expected` that a deployment applies exactly as the
 * library writes them from the rules' facts: the policy and its binding are
 * both among `objects`, unchanged (a policy edited, or without its binding,
 * guards nothing the report could vouch for).
 * @internal
 */
export function deployedAdmissionPolicies(expected: readonly (AdmissionPolicySpec | undefined)[], objects: readonly unknown[]): AdmissionPolicySpec[] {
  // Each deployed policy and binding by its kind and name: an expected object is compared only with those of its own.
  const deployed = new Map<string, unknown[]>();
  for (const o of objects) {
    if (!/^ValidatingAdmissionPolicy(Binding)?$/.test((o as { kind?: string } | null)?.kind ?? '')) continue;
    const place = placeOf(o as Parameters<typeof placeOf>[0]);
    const same = deployed.get(place);
    if (same) same.push(o);
    else deployed.set(place, [o]);
  }
  const seen = new Set<string>();
  return expected.filter((spec): spec is AdmissionPolicySpec => {
    if (!spec || seen.has(spec.name)) return false;
    seen.add(spec.name);
    return admissionPolicyObjects(spec).every((o) => (deployed.get(placeOf(o)) ?? []).some((d) => sameJson(d, o)));
  });
}

/**
 * The coverage with each flow a deployed policy keeps true saying so in its caveat ("guarded at admission by ...").
 * @internal
 */
export function withAdmissionGuards(coverage: readonly FlowCoverage[], policies: readonly AdmissionPolicySpec[]): FlowCoverage[] {
  return coverage.map((c) => {
    const guards = policies.filter((p) => p.flows.includes(c.flow));
    if (guards.length === 0) return c;
    const said = guards.map((p) => `guarded at admission by ValidatingAdmissionPolicy ${p.name} (${p.guards})`).join('; ');
    return { ...c, caveat: c.caveat ? `${c.caveat}; ${said}` : said };
  });
}
