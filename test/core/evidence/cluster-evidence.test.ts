import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ManagedClusterModel, Rules } from '../../../lib';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { clusterEvidence } from '../../../lib/core/evidence/cluster-evidence';
import { readDocument } from '../../../lib/core/readers/read-document';

const FILE = 'azuredeploy.json';
const TEXT = fs.readFileSync(path.resolve(__dirname, '../../fixtures/real-world/quickstart-aks-basic', FILE), 'utf8');

/** The evidence of the public AKS quickstart, each fact located at its line of the template. */
function quickstartEvidence() {
  const [description] = describeDeployment([readDocument(JSON.parse(TEXT), FILE)]).clusters;
  const audit = auditCluster(description);
  const lines = TEXT.split('\n');
  // The line of the resource's first member is enough to show a line is given: the exact line is the pointer index's concern.
  const lineOf = (document: string, pointer: string) => (document === FILE && pointer.startsWith('/resources/0') ? lines.findIndex((l) => l.includes('"Microsoft.ContainerService/managedClusters"')) + 1 : undefined);
  return { audit, evidence: clusterEvidence({ description, audit, lineOf }) };
}

test('a baseline control\'s finding carries the facts its deciding rules read, with their place and recheck', () => {
  const { audit, evidence } = quickstartEvidence();
  const finding = evidence.findings.find((f) => f.kind === 'baseline' && f.controlId === 'CIS 5.4.2 (private endpoint, public access disabled)')!;
  expect(finding.verdict).toBe('fail');
  expect(finding.details).toContain(`decided by ${Rules.apiServerPublicEndpoint.id}`);
  expect(finding.sources).toEqual([...Rules.apiServerPublicEndpoint.sources]);
  const fact = finding.observed.find((o) => o.path === 'properties.apiServerAccessProfile.enablePrivateCluster')!;
  expect(fact.state).toBe('absent');
  expect(fact.at.document).toBe(FILE);
  expect(fact.at.pointer).toMatch(/^\/resources\/0/);
  expect(fact.at.line).toBeGreaterThan(0);
  expect(fact.recheck).toMatch(/^az resource show .*Microsoft.ContainerService\/managedClusters.*--query .*properties.apiServerAccessProfile.enablePrivateCluster/);
  // The same facts as the rule's own finding: one reading, reported twice.
  const rule = evidence.findings.find((f) => f.kind === 'rule' && f.controlId === Rules.apiServerPublicEndpoint.id)!;
  expect(finding.observed).toEqual(rule.observed);
  expect(audit.baseline.find((c) => c.id === finding.controlId)!.decidedBy).toEqual([Rules.apiServerPublicEndpoint.id]);
});

test('every baseline finding has the facts of its rules; an undecided control says which rule is undecided and why', () => {
  const { audit, evidence } = quickstartEvidence();
  const baseline = evidence.findings.filter((f) => f.kind === 'baseline');
  expect(baseline.length).toBeGreaterThan(20);
  const key = (o: { path: string; at: { pointer?: string } }) => `${o.path}|${o.at.pointer}`;
  for (const f of baseline) {
    const rules = audit.baseline.find((c) => c.id === f.controlId)!.decidedBy.map((id) => evidence.findings.find((r) => r.kind === 'rule' && r.controlId === id)!);
    expect(f.observed.map(key), f.controlId).toEqual([...new Set(rules.flatMap((r) => r.observed.map(key)))]);
  }
  // The settings of the cluster itself are facts with a place; resources beside it (diagnostic settings, locks) are found or not.
  expect(baseline.filter((f) => f.observed.length === 0).map((f) => f.controlId)).toEqual(['control-plane audit logs', 'delete locks']);
  const pods = baseline.find((f) => f.controlId === 'pods per node')!;
  expect(pods.verdict).toBe('undecided');
  expect(pods.details.some((d) => d.startsWith(`${Rules.podsPerNodeLow.id}: undecided: maxPods is not set`))).toBe(true);
});

test('a control decided by resources beside the cluster shows each one found, read where it was written', () => {
  const reading = readDocument(JSON.parse(JSON.stringify(ManagedClusterModel.build({ name: 'evidence', location: 'westeurope' }).toArmTemplate())), 'cluster.template.json');
  const [description] = describeDeployment([reading]).clusters;
  const evidence = clusterEvidence({ description, audit: auditCluster(description) });
  const logs = evidence.findings.find((f) => f.kind === 'baseline' && f.controlId === 'control-plane audit logs')!;
  expect(logs.verdict).toBe('pass');
  const setting = logs.observed.find((o) => o.path === 'properties.logs')!;
  expect(setting.at.document).toBe('cluster.template.json');
  expect(setting.value).toMatch(/kube-audit-admin/);
  expect(setting.recheck).toMatch(/^az resource show .*diagnosticSettings.* --query properties\.logs/);
  const locks = evidence.findings.find((f) => f.kind === 'baseline' && f.controlId === 'delete locks')!;
  expect(locks.observed.some((o) => o.path === 'properties.level' && o.value === '"CanNotDelete"')).toBe(true);
});

test('a preview API version is a fact with its place but no recheck: what Azure returns for a resource does not say which API version wrote it', () => {
  const template = JSON.parse(TEXT);
  const cluster = template.resources.find((r: { type: string }) => r.type === 'Microsoft.ContainerService/managedClusters');
  cluster.apiVersion = '2025-05-02-preview';
  const [description] = describeDeployment([readDocument(template, FILE)]).clusters;
  const evidence = clusterEvidence({ description, audit: auditCluster(description) });
  const facts = evidence.findings.flatMap((f) => f.observed).filter((o) => o.path === 'apiVersion');
  expect(facts.length).toBeGreaterThan(0);
  for (const fact of facts) {
    expect(fact.value).toContain('2025-05-02-preview');
    expect(fact.at.document).toBe(FILE);
    expect(fact.recheck).toBeUndefined();
  }
  // Every other fact of the cluster still has its command.
  expect(evidence.findings.flatMap((f) => f.observed).filter((o) => o.path !== 'apiVersion').every((o) => o.recheck !== undefined)).toBe(true);
});

test('the evidence of a pool whose cluster is not read re-reads the pool\'s facts on the pool, and locates the cluster\'s unknown facts where the pool names it', () => {
  const template = { resources: [{ type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2025-10-01', name: 'aks-prod/user1', properties: { mode: 'User', enableNodePublicIP: true, enableFIPS: true } }] };
  const [description] = describeDeployment([readDocument({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', ...template }, 'pool.json')]).orphanPools;
  const evidence = clusterEvidence({ description, audit: auditCluster(description) });
  const publicIp = evidence.findings.find((f) => f.kind === 'rule' && f.controlId === Rules.nodePublicIp.id)!;
  expect(publicIp.verdict).toBe('fail');
  const fact = publicIp.observed.find((o) => o.path === 'properties.enableNodePublicIP')!;
  expect(fact.at).toMatchObject({ document: 'pool.json', pointer: '/resources/0/properties/enableNodePublicIP' });
  expect(fact.recheck).toMatch(/--parent managedClusters\/aks-prod --resource-type agentPools --name user1 /);
  const fips = evidence.findings.find((f) => f.kind === 'rule' && f.controlId === Rules.wireGuardNotFips.id)!;
  expect(fips.verdict).toBe('undecided');
  const clusterFact = fips.observed.find((o) => o.state === 'unknown')!;
  expect(clusterFact).toMatchObject({ reason: "the pool's cluster is not among the resources read", at: { document: 'pool.json', pointer: '/resources/0/name' } });
  expect(clusterFact.recheck).toMatch(/--name aks-prod --resource-type Microsoft\.ContainerService\/managedClusters/);
});
