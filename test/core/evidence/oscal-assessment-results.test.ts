import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ManagedClusterModel } from '../../../lib/core/aks/managed-cluster-model';
import { evaluationMoment } from '../../../lib/core/evidence/assemble-evidence';
import { evidenceOfDocuments } from '../../../lib/core/evidence/document-evidence';
import { renderOscalAssessmentResults } from '../../../lib/core/evidence/oscal-assessment-results';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';
import { oscalProblems } from './oscal-checks';

const STAMP = path.resolve(__dirname, '../../fixtures/arm-templates/aks-baseline-cluster-stamp/cluster-stamp.json');
const options = { title: 'test deployment', evaluatedAt: '2026-12-07', toolVersion: '0.0.0', origin: 'audit' as const };

test("a real template's assessment results validate against NIST's OSCAL 1.0.6 schema, one finding per rule and control", () => {
  const pack = evidenceOfDocuments([{ name: 'cluster-stamp.json', text: fs.readFileSync(STAMP, 'utf8') }], options);
  const oscal = JSON.parse(renderOscalAssessmentResults(pack));
  expect(oscalProblems(oscal)).toEqual([]);
  const result = oscal['assessment-results'].results[0];
  expect(result.findings).toHaveLength(pack.findings.length);
  // One observation per finding, and one per API server's reachability statement.
  expect(result.observations).toHaveLength(pack.findings.length + pack.reachability.length);
  expect(result.observations.at(-1).props).toContainEqual(expect.objectContaining({ name: 'reachability', value: pack.reachability[0].verdict }));
  // Every timestamp is the evaluation date, never the wall clock.
  expect(result.start).toBe('2026-12-07T00:00:00Z');
  expect(oscal['assessment-results'].metadata['last-modified']).toBe('2026-12-07T00:00:00Z');
  // A finding is satisfied exactly when its verdict is pass; an undecided one is not satisfied and says so.
  for (const [i, f] of pack.findings.entries()) {
    const status = result.findings[i].target.status;
    expect(status.state).toBe(f.verdict === 'pass' ? 'satisfied' : 'not-satisfied');
    if (f.verdict === 'undecided') expect(status.reason).toBe('other');
    expect(result.findings[i].props).toContainEqual(expect.objectContaining({ name: 'verdict', value: f.verdict }));
  }
  expect(pack.findings.some((f) => f.verdict === 'undecided')).toBe(true);
});

test('the facts a verdict rests on are located in the file (pointer and line) with the command that re-reads them', () => {
  const text = fs.readFileSync(STAMP, 'utf8');
  const pack = evidenceOfDocuments([{ name: 'cluster-stamp.json', text }], options);
  const local = pack.findings.find((f) => f.kind === 'rule' && f.observed.some((o) => o.path === 'properties.disableLocalAccounts'))!;
  const fact = local.observed.find((o) => o.path === 'properties.disableLocalAccounts')!;
  expect(fact.at.document).toBe('cluster-stamp.json');
  expect(text.split('\n')[fact.at.line! - 1]).toContain('disableLocalAccounts');
  expect(fact.recheck).toMatch(/^az resource show .*--resource-type Microsoft.ContainerService\/managedClusters .*--query properties.disableLocalAccounts$/);
});

test('the same input and evaluation date give byte-identical OSCAL; another date changes only the dates and the document uuids', () => {
  const text = fs.readFileSync(STAMP, 'utf8');
  const render = (evaluatedAt: string) => renderOscalAssessmentResults(evidenceOfDocuments([{ name: 'cluster-stamp.json', text }], { ...options, evaluatedAt }));
  expect(render('2026-12-07')).toBe(render('2026-12-07'));
  expect(render('2026-12-08')).toContain('2026-12-08T00:00:00Z');
});

test("a synthesized definition's template gives valid OSCAL whose framework clauses include NIST SP 800-53 controls", () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  const template = `${JSON.stringify(model.toArmTemplate(), null, 2)}\n`;
  const pack = evidenceOfDocuments([{ name: 'cluster.template.json', text: template }], { ...options, origin: 'synth' });
  const oscal = JSON.parse(renderOscalAssessmentResults(pack));
  expect(oscalProblems(oscal)).toEqual([]);
  const clauses = pack.findings.flatMap((f) => f.clauses).filter((c) => c.framework === 'nist-sp-800-53-r5');
  expect(clauses.length).toBeGreaterThan(0);
  const reviewed = oscal['assessment-results'].results[0]['reviewed-controls']['control-selections'][0]['include-controls'].map((c: { 'control-id': string }) => c['control-id']);
  expect(reviewed).toContain(clauses[0].control.toLowerCase().replace(/\((\w+)\)/g, '.$1'));
  // The definition's own payload passes the API server rules.
  expect(pack.findings.find((f) => f.controlId === 'SAKS-API-001')?.verdict).toBe('pass');
});

test('an evaluation date that is not a date is refused', () => {
  expect(() => evidenceOfDocuments([], { ...options, evaluatedAt: 'yesterday' })).toThrow(/evaluationDate/);
});

test('the evidence holds for midnight UTC of an evaluation date, a calendar day that exists (SAKS-VER-003)', () => {
  expect(evaluationMoment('2026-02-28')).toBe('2026-02-28T00:00:00Z');
  expect(() => evaluationMoment('2026-02-30')).toThrow(/SAKS-VER-003/);
  expect(() => evaluationMoment('2026-02-28T09:30:00Z')).toThrow(/SAKS-VER-003/);
});

test('the rules of the evidence are judged on its evaluation date, the support windows among them', () => {
  // Azure Verified Module avm/ptn/azd/aks: Kubernetes 1.33, supported on AKS's calendar through July 2026.
  const avm = path.resolve(__dirname, '../../fixtures/real-world/avm-ptn-azd-aks/main.json');
  const verdictOn = (evaluatedAt: string) =>
    evidenceOfDocuments([{ name: 'main.json', text: fs.readFileSync(avm, 'utf8') }], { ...options, evaluatedAt }).findings.find((f) => f.kind === 'rule' && f.controlId === 'SAKS-VER-002')?.verdict;
  // Before July 2026 Kubernetes 1.33 is supported; the module's preview API version has no dated end, so the rule stays undecided.
  expect(verdictOn('2026-04-01')).toBe('undecided');
  expect(verdictOn('2026-12-07')).toBe('fail');
});

test('every row of an audit\'s evidence has its recheck: each fact, coverage row and path, on a template and on live state', () => {
  const live = path.resolve(__dirname, '../../fixtures/real-world/azure-cli-recording-authorized-ranges-get/cliakstest000001-authorized-ranges.json');
  for (const [name, file] of [['cluster-stamp.json', STAMP], ['live.json', live]] as const) {
    const pack = evidenceOfDocuments([{ name, text: fs.readFileSync(file, 'utf8') }], options);
    const rows = [...pack.findings.flatMap((f) => f.observed.map((o) => ({ row: `${f.key} ${o.path}`, recheck: o.recheck ?? '' }))), ...pack.coverage.map((c) => ({ row: `${c.subject} ${c.flow}`, recheck: c.recheck })), ...pack.reachability.flatMap((r) => r.paths.map((p) => ({ row: `${r.subject} ${p.kind}`, recheck: p.recheck })))];
    expect(rows.length, name).toBeGreaterThan(20);
    // A resource's API version is the one fact nothing live re-reads (a GET's body does not carry it).
    expect(rows.filter((r) => !/^(az|kubectl) \S+/.test(r.recheck) && !r.row.endsWith(' apiVersion')).map((r) => r.row), name).toEqual([]);
    expect(rows.filter((r) => r.row.endsWith(' apiVersion') && r.recheck !== '').map((r) => r.row), name).toEqual([]);
    // One convention: a cluster is re-read with az resource show, its query the REST path, wherever a report re-reads it.
    const clusterCommands = rows.map((r) => r.recheck).filter((c) => /managedClusters\b/.test(c) && !/agentPools/.test(c));
    expect(clusterCommands.length, name).toBeGreaterThan(0);
    expect(clusterCommands.filter((c) => !/^az resource show .*--query '?\{?(\w+: )?(properties\.|sku\b|identity\b|name$|location$|apiVersion$)/.test(c)), name).toEqual([]);
    expect(rows.filter((r) => r.recheck.includes('az aks show')).map((r) => r.row), name).toEqual([]);
  }
});
