import { expect, test } from 'vitest';
import { AGENT_POOL_TYPE, CLUSTER_NOT_READ, describeDeployment, MANAGED_CLUSTER_TYPE } from '../../../lib/core/description/cluster-description';
import { DescribedResource } from '../../../lib/core/description/described-resource';
import { UnknownValue } from '../../../lib/core/description/unknown-value';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { readDocument } from '../../../lib/core/readers/read-document';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

const at = (i: number) => ({ document: 'template.json', pointer: `/resources/${i}` });
const cluster = (name: string | UnknownValue, i: number): DescribedResource => ({
  type: MANAGED_CLUSTER_TYPE,
  name,
  body: { location: 'westeurope', properties: { networkProfile: { networkPlugin: 'azure' }, agentPoolProfiles: [{ name: 'system', mode: 'System' }] } },
  origin: at(i),
});
const pool = (name: string | UnknownValue, i: number, properties: Record<string, unknown> = { mode: 'User', vmSize: 'Standard_D4ds_v5' }): DescribedResource => ({ type: AGENT_POOL_TYPE, name, body: { properties }, origin: at(i) });
const deploymentOf = (...resources: DescribedResource[]) => describeDeployment([{ resources, notExamined: [], problems: [], wholeDeployment: true }]);

test('a pool declared beside its cluster is that cluster\'s, and no pool without a cluster', () => {
  const d = deploymentOf(cluster('aks1', 0), pool('aks1/user1', 1));
  expect(d.clusters).toHaveLength(1);
  expect(d.orphanPools).toEqual([]);
  const pools = d.clusters[0].pools;
  expect(Array.isArray(pools) && pools.map((p) => p.name.state === 'known' && p.name.value)).toEqual(['system', 'user1']);
});

test('a pool whose cluster is not read is described as the pool of a cluster of which nothing is known', () => {
  const d = deploymentOf(pool('aks-prod/user1', 0, { mode: 'User', enableNodePublicIP: true }));
  expect(d.clusters).toEqual([]);
  expect(d.orphanPools).toHaveLength(1);
  const [orphan] = d.orphanPools;
  expect(orphan.clusterRead).toBe(false);
  expect(orphan.name).toBe('aks-prod');
  // Every fact of the cluster is unknown, with the reason: none is invented, not even an absent one.
  for (const path of ['location', 'sku.tier', 'identity.type', 'properties.networkProfile.networkPlugin', 'properties.kubernetesVersion']) {
    expect(orphan.fact(path), path).toMatchObject({ state: 'unknown', reason: CLUSTER_NOT_READ });
  }
  // Its pools are the pools read, not the cluster's inline ones (unknown): the subject of the pool rules.
  const pools = orphan.pools;
  expect(Array.isArray(pools)).toBe(true);
  if (!Array.isArray(pools)) return;
  expect(pools.map((p) => p.name)).toMatchObject([{ state: 'known', value: 'user1' }]);
  expect(pools[0].profile.fact('enableNodePublicIP')).toMatchObject({ state: 'known', value: true, at: { document: 'template.json', pointer: '/resources/0/properties/enableNodePublicIP' } });
});

test('pools of the same cluster not read are one subject; pools of two clusters, two', () => {
  const d = deploymentOf(pool('aks-a/one', 0), pool('AKS-A/two', 1), pool('aks-b/one', 2));
  expect(d.orphanPools.map((o) => o.poolResources.map((p) => p.name))).toEqual([['aks-a/one', 'AKS-A/two'], ['aks-b/one']]);
});

test('a pool whose name names no cluster stands alone, its cluster\'s name unknown with the reason', () => {
  const d = deploymentOf(pool('passA', 0), pool('other', 1));
  expect(d.orphanPools).toHaveLength(2);
  expect(d.orphanPools[0].nameFact).toMatchObject({ state: 'unknown', reason: "the pool's name 'passA' names no cluster" });
  expect(d.orphanPools[0].fact('properties.networkProfile')).toMatchObject({ state: 'unknown', reason: CLUSTER_NOT_READ });
});

test('a pool named by an expression beside clusters may be one of theirs: its cluster is not claimed to be unread', () => {
  const unknownName = new UnknownValue("parameter 'poolName' has no default value");
  const d = deploymentOf(cluster('aks1', 0), cluster('aks2', 1), pool(unknownName, 2));
  expect(d.clusters.every((c) => c.poolResources.length === 0)).toBe(true);
  expect(d.orphanPools).toHaveLength(1);
  const reason = d.orphanPools[0].fact('properties.kubernetesVersion');
  expect(reason.state).toBe('unknown');
  expect(reason.state === 'unknown' && reason.reason).not.toBe(CLUSTER_NOT_READ);
  expect(reason.state === 'unknown' && reason.reason).toMatch(/which cluster the pool belongs to is not known/);
  // With one cluster only, the pool is that cluster's, as before.
  expect(deploymentOf(cluster('aks1', 0), pool(unknownName, 1)).orphanPools).toEqual([]);
});

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

test("a cluster's extension resources, looked up in the index, are exactly those whose scope is the cluster, in the order read", () => {
  const id = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`;
  const withId = (r: DescribedResource, name: string): DescribedResource => ({ ...r, id: id(name) });
  const lock = (name: string, scope: DescribedResource['scope'], i: number): DescribedResource => ({ type: 'Microsoft.Authorization/locks', name, scope, body: { properties: { level: 'CanNotDelete' } }, origin: at(i) });
  const d = deploymentOf(
    withId(cluster('aks1', 0), 'aks1'),
    withId(cluster('aks2', 1), 'aks2'),
    lock('by-reference', "[resourceId('Microsoft.ContainerService/managedClusters', 'aks2')]", 2),
    lock('by-id', id('aks1').toUpperCase(), 3),
    lock('not-read', id('aks3'), 4),
    lock('unknown', new UnknownValue('a parameter without a default'), 5),
    lock('none', undefined, 6),
    lock('by-symbol', new UnknownValue('not known offline', "[resourceId('Microsoft.ContainerService/managedClusters', 'aks1')]"), 7),
    lock('second-on-aks2', 'Microsoft.ContainerService/managedClusters/aks2', 8),
  );
  for (const c of d.clusters) {
    const scanned = c.related.ofType('Microsoft.Authorization/locks').filter((r) => c.isScopeOfThisCluster(r.scope) === true);
    expect(c.extensionsOfType('microsoft.authorization/LOCKS'), c.name).toEqual(scanned);
  }
  expect(d.clusters.map((c) => [c.name, c.extensionsOfType('Microsoft.Authorization/locks').map((r) => r.name)])).toEqual([
    ['aks1', ['by-id', 'by-symbol']],
    ['aks2', ['by-reference', 'second-on-aks2']],
  ]);
});
