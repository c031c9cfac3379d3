import type { FlowCoverage } from '../encryption/encryption-coverage';
import { AdmissionPolicySpec, admissionPolicyObjects } from './admission-policy';

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/**
 * The policies among `expected` that a deployment applies exactly as the
 * library writes them from the rules' facts: the policy and its binding are
 * both among `objects`, unchanged (a policy edited, or without its binding,
 * guards nothing the report could vouch for).
 * @internal
 */
export function deployedAdmissionPolicies(expected: readonly (AdmissionPolicySpec | undefined)[], objects: readonly unknown[]): AdmissionPolicySpec[] {
  const deployed = new Set(objects.filter((o) => /^ValidatingAdmissionPolicy(Binding)?$/.test((o as { kind?: string } | null)?.kind ?? '')).map(canonical));
  const seen = new Set<string>();
  return expected.filter((spec): spec is AdmissionPolicySpec => {
    if (!spec || seen.has(spec.name)) return false;
    seen.add(spec.name);
    return admissionPolicyObjects(spec).every((o) => deployed.has(canonical(o)));
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
