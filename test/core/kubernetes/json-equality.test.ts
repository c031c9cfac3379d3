import { expect, test } from 'vitest';
import { canonicalJson, sameJson } from '../../../lib/core/kubernetes/json-equality';
import { admissionPolicyObjects } from '../../../lib/core/admission/admission-policy';
import { CertificateSource } from '../../../lib/core/mesh/certificate-source';
import { CrossClusterLink } from '../../../lib/core/mesh/cross-cluster-link';
import { linkAdmissionPolicies } from '../../../lib/core/mesh/link-admission-policy';

/** What sameJson must answer: whether the canonical texts are equal. */
const byText = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEAVES: unknown[] = [0, -0, 1, 2, NaN, Infinity, '', '0', 'a', 'null', true, false, null, undefined, () => 1, Symbol.for('s')];
const KEYS = ['a', 'b', '0', '10', '__proto__', 'toString'];

function value(next: () => number, depth: number): unknown {
  const r = next();
  if (depth === 0 || r < 0.4) return LEAVES[Math.floor(next() * LEAVES.length)];
  if (r < 0.7) return Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth - 1));
  const o: Record<string, unknown> = {};
  for (const k of KEYS) if (next() < 0.4) Object.defineProperty(o, k, { value: value(next, depth - 1), enumerable: next() < 0.9, configurable: true, writable: true });
  return o;
}

/** A copy of `v` with its keys in another order, and sometimes one leaf changed. */
function variant(v: unknown, next: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => variant(x, next));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: variant((v as Record<string, unknown>)[k], next), enumerable: true, configurable: true, writable: true });
    if (next() < 0.1) Object.defineProperty(out, KEYS[Math.floor(next() * KEYS.length)], { value: LEAVES[Math.floor(next() * LEAVES.length)], enumerable: true, configurable: true, writable: true });
    return out;
  }
  return next() < 0.1 ? LEAVES[Math.floor(next() * LEAVES.length)] : v;
}

test('sameJson answers exactly as comparing the canonical texts, on thousands of generated pairs', () => {
  let same = 0;
  for (let seed = 1; seed <= 3000; seed++) {
    const next = random(seed);
    const a = value(next, 4);
    const b = next() < 0.5 ? variant(a, next) : value(next, 4);
    const expected = byText(a, b);
    if (expected) same++;
    expect([seed, sameJson(a, b)]).toEqual([seed, expected]);
    expect([seed, sameJson(b, a)]).toEqual([seed, expected]);
  }
  // Both answers are exercised.
  expect(same).toBeGreaterThan(300);
  expect(same).toBeLessThan(2700);
});

test('JSON\'s readings: left-out members, null in arrays, non-finite numbers, -0, key order', () => {
  expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  expect(sameJson({ a: 1, f: () => 1 }, { a: 1 })).toBe(true);
  expect(sameJson([undefined], [null])).toBe(true);
  expect(sameJson({ n: NaN }, { n: null })).toBe(true);
  expect(sameJson({ n: -0 }, { n: 0 })).toBe(true);
  expect(sameJson({ b: { d: 1, c: [1, 2] }, a: 'x' }, { a: 'x', b: { c: [1, 2], d: 1 } })).toBe(true);
  expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
  expect(sameJson({ a: null }, {})).toBe(false);
  expect(sameJson([1], { 0: 1 })).toBe(false);
});

test('values other than plain data are compared by their text', () => {
  const day = Date.UTC(2026, 11, 1);
  expect(sameJson({ at: new Date(day) }, { at: new Date(day).toISOString() })).toBe(true);
  expect(sameJson({ at: new Date(day) }, { at: new Date(day + 1) })).toBe(false);
  expect(sameJson({ v: { toJSON: () => 'x' } }, { v: 'x' })).toBe(true);
  expect(sameJson(new Map([['k', 1]]), {})).toBe(byText(new Map([['k', 1]]), {}));
  expect(() => sameJson({ n: 1n }, { n: 1n })).toThrow(TypeError);
});

test('an admission policy compared with its copy read back from JSON, and with the policy of another link', () => {
  const link = (name: string) => CrossClusterLink.build({
    name,
    certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
    services: [{ name: 'mysql', host: `mysql.${name}.internal.example`, clientPort: 3306, gatewayPort: 13306, backend: { host: 'mysql.default.svc.cluster.local', port: 3306 }, clientNamespaces: ['payments'] }],
  });
  const objectsOf = (name: string) => (['client', 'server'] as const).flatMap((side) => linkAdmissionPolicies(link(name), side).flatMap((spec) => admissionPolicyObjects(spec)));
  const ours = objectsOf('ledger');
  const readBack = JSON.parse(JSON.stringify(ours)) as unknown[];
  const theirs = objectsOf('payroll');
  expect(ours.length).toBeGreaterThan(3);
  ours.forEach((o, i) => {
    expect(sameJson(o, readBack[i])).toBe(true);
    expect(sameJson(o, theirs[i])).toBe(byText(o, theirs[i]));
    expect(sameJson(o, theirs[i])).toBe(false);
  });
});
