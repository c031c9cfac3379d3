import fc from 'fast-check';
import { expect, test } from 'vitest';
import { CLUSTER_RULES } from '../../lib/core/aks/cluster-rule-set';
import { describedFromAudited } from '../../lib/core/audit/described-from-audited';
import { describeDeployment } from '../../lib/core/description/cluster-description';
import { UnknownValue } from '../../lib/core/description/unknown-value';
import { evaluateClusterRules } from '../../lib/core/rules/evaluate-cluster-rules';
import { hardenedPayload } from '../support/misconfiguration-corpus';

/**
 * Soundness of "unknown is undecided", over random places of a real payload:
 * where a value is unknown, a rule that still says pass must pass whatever
 * the value turns out to be, and one that says fail must fail whatever it is.
 * A rule that cannot know says undecided. Nothing throws, `null` included.
 */
type Json = Record<string, unknown>;

/** Every path to a value of the payload (objects, arrays and leaves). */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Json);
  return [at, ...children.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  return { ...(value as Json), [head]: replaced((value as Json)[head as string], rest, by) };
}

function verdicts(properties: unknown): Map<string, string> {
  const base = hardenedPayload();
  const resource = describedFromAudited({ ...base, properties: properties as Json }, { document: 'fuzz.json', pointer: '' });
  const [cluster] = describeDeployment([{ resources: [resource], notExamined: [], problems: [], wholeDeployment: false }]).clusters;
  return new Map(evaluateClusterRules(cluster, CLUSTER_RULES).map((o) => [o.rule.id, o.verdict]));
}

/** Values that pull rules in opposite directions: booleans both ways, texts that are and are not ids, CIDRs, lists, objects. */
const CONTRASTS: readonly unknown[] = [
  true, false, null, '', 'none', 'Windows', 'overlay', 'cilium', '0.0.0.0/0', '10.0.0.0/8', 'WireGuard', 'msi', '3fa85f64-5717-4562-b3fc-2c963f66afa6', 0, 7, 100000,
  [], ['0.0.0.0/0'], ['203.0.113.0/24'], {}, { enabled: true }, { enabled: false },
];

const PROPERTIES = hardenedPayload({
  apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] },
  securityProfile: { ...(hardenedPayload().properties.securityProfile as Json), azureKeyVaultKms: { enabled: true, keyId: `https://etcd-keys.vault.azure.net/keys/etcd/${'0'.repeat(32)}`, keyVaultNetworkAccess: 'Public' } },
}).properties;
const PATHS = paths(PROPERTIES).filter((p) => p.length > 0);

test('a verdict given beside an unknown value holds whatever that value is; null never throws', () => {
  fc.assert(
    fc.property(fc.constantFrom(...PATHS), fc.subarray([...CONTRASTS], { minLength: 2, maxLength: 5 }), (path, values) => {
      const withUnknown = verdicts(replaced(PROPERTIES, path, new UnknownValue('fuzzed')));
      const concrete = values.map((v) => verdicts(replaced(PROPERTIES, path, v)));
      for (const [id, verdict] of withUnknown) {
        if (verdict === 'undecided') continue;
        for (const c of concrete) expect(c.get(id), `${id} is ${verdict} with ${path.join('.')} unknown`).toBe(verdict);
      }
    }),
    { numRuns: 300, seed: 20261207 },
  );
});

test('the payload\'s own values: unknown in turn at every place, a rule is undecided only where it reads it', () => {
  let undecided = 0;
  const alone = [...verdicts(PROPERTIES).values()].filter((x) => x === 'undecided').length;
  for (const path of PATHS) {
    const v = verdicts(replaced(PROPERTIES, path, new UnknownValue('fuzzed')));
    undecided += [...v.values()].filter((x) => x === 'undecided').length - alone;
  }
  // On the payload itself only the rules on its separate resources (not read here) are undecided:
  // diagnostic settings, locks and the Flux configurations beside the cluster.
  expect([...verdicts(PROPERTIES)].filter(([, x]) => x === 'undecided').map(([id]) => id).sort()).toEqual(['SAKS-BASE-013', 'SAKS-BASE-014', 'SAKS-GIT-005', 'SAKS-GIT-006', 'SAKS-GIT-007', 'SAKS-GIT-008']);
  // Unknown values do make rules undecided (the property above is not met by deciding nothing).
  expect(undecided).toBeGreaterThan(PATHS.length / 2);
});
