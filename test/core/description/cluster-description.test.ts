import { expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

const PATHS = ['properties.disableLocalAccounts', 'properties.apiServerAccessProfile.enablePrivateCluster', 'properties.networkProfile.podCidr', 'properties.noSuchSetting'];

test('facts forgotten after an audit are read again the same, and an audit after it gives the same verdicts', () => {
  const [c] = describeDeployment([readDocument(hardenedPayload({ disableLocalAccounts: false }), 'c.json')]).clusters;
  const first = PATHS.map((p) => c.fact(p));
  // A fact read twice is the one read once.
  expect(c.fact(PATHS[0])).toBe(first[0]);
  const audit = auditCluster(c, 'rest', { evaluationDate: '2026-12-01' });
  const again = PATHS.map((p) => c.fact(p));
  expect(again).toEqual(first);
  expect(again.map((f) => f.state)).toEqual(['known', 'known', 'known', 'absent']);
  expect(auditCluster(c, 'rest', { evaluationDate: '2026-12-01' }).outcomes.map((o) => [o.rule.id, o.verdict])).toEqual(audit.outcomes.map((o) => [o.rule.id, o.verdict]));
});

test('clusters described together read their own facts, however they are interleaved', () => {
  const graph = { count: 2, data: [{ ...hardenedPayload(), name: 'a' }, { ...hardenedPayload({ disableLocalAccounts: false, kubernetesVersion: '1.9.6' }), name: 'b' }], skip_token: null, total_records: 2 };
  const [a, b] = describeDeployment([readDocument(graph, 'graph.json')]).clusters;
  const value = (f: ReturnType<typeof a.fact>) => (f.state === 'known' ? f.value : f.state);
  expect(value(a.fact('properties.disableLocalAccounts'))).toBe(true);
  expect(value(b.fact('properties.disableLocalAccounts'))).toBe(false);
  a.forgetReadings();
  expect(value(b.fact('properties.kubernetesVersion'))).toBe('1.9.6');
  expect(value(a.fact('properties.kubernetesVersion'))).toBe('1.33');
  const [auditA, auditB] = [auditCluster(a, 'rest', { evaluationDate: '2026-12-01' }), auditCluster(b, 'rest', { evaluationDate: '2026-12-01' })];
  const pastSupport = (audit: ReturnType<typeof auditCluster>) => audit.violations.filter((v) => v.rule.id === 'SAKS-VER-002').map((v) => v.value);
  expect(pastSupport(auditB)).toContain('1.9.6');
  expect(pastSupport(auditA)).not.toContain('1.9.6');
  expect(auditA.violations.some((v) => v.property === 'properties.disableLocalAccounts')).toBe(false);
  expect(auditB.violations.some((v) => v.property === 'properties.disableLocalAccounts')).toBe(true);
});
