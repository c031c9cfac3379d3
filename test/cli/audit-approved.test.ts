import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { approvedFiles, liveGetOf } from '../support/live-cluster';
import { sarifUriProblems, sarifValidator } from './sarif-checks';

let dir: string;
let files: Readonly<Record<string, string>>;
beforeAll(async () => {
  files = await approvedFiles('acns-wireguard');
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-drift-'));
  // The approved synth, as `secure-aks synth` writes it.
  fs.mkdirSync(path.join(dir, 'dist/acns-wireguard'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'dist/acns-wireguard', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist/acns-wireguard', name), text);
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => {
  fs.writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
  return name;
};
const publicAccess = () => liveGetOf(files['cluster.template.json'], (c) => (c.properties.apiServerAccessProfile.enablePrivateCluster = false));

test('no drift: exit 0, and what was not compared is said', () => {
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('live.json', liveGetOf(files['cluster.template.json']))], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^# ledger-prod \(live\.json\), matched by name only with dist\/acns-wireguard\/cluster\.template\.json#\/resources\/\d+/m);
  expect(r.stdout).toContain('0 drifts, 0 undecided, 13 approved resources not compared');
  // What is not compared fails the run only when asked.
  expect(runCli(['audit', '--approved', 'dist/acns-wireguard', 'live.json', '--fail-on-undecided'], dir).code).toBe(1);
});

test('drift: exit 1, both values with where they were read, and the rule the live value breaks', () => {
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('live.json', publicAccess())], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(
    /error \[SAKS-DRIFT-001\] ManagedClusters ledger-prod: properties\.apiServerAccessProfile\.enablePrivateCluster\n {4}approved: true \(dist\/acns-wireguard\/cluster\.template\.json#\/resources\/\d+\/properties\/apiServerAccessProfile\/enablePrivateCluster\)\n {4}live: {5}false \(live\.json#\/properties\/apiServerAccessProfile\/enablePrivateCluster\)\n {4}breaks: {3}\[SAKS-API-007\] .*\n {4}breaks: {3}\[SAKS-API-005\]/,
  );
});

test('JSON: each drift with both values, their provenance and the broken rule ids; unmanaged clusters', () => {
  const other = { ...liveGetOf(files['cluster.template.json']), name: 'shadow-it', id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/other-rg/providers/Microsoft.ContainerService/managedClusters/shadow-it' };
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('export.json', { count: 2, data: [publicAccess(), other], skip_token: null, total_records: 2 }), '--format', 'json'], dir);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report.clusters[0].drifts).toEqual([
    {
      ruleId: 'SAKS-DRIFT-001',
      resource: { type: 'Microsoft.ContainerService/ManagedClusters', name: 'ledger-prod', id: expect.stringMatching(/\/managedClusters\/ledger-prod$/) },
      path: 'properties.apiServerAccessProfile.enablePrivateCluster',
      approved: { state: 'known', value: true, at: expect.stringMatching(/^dist\/acns-wireguard\/cluster\.template\.json#\/resources\/\d+\/properties\/apiServerAccessProfile\/enablePrivateCluster$/) },
      live: { state: 'known', value: false, at: 'export.json#/data/0/properties/apiServerAccessProfile/enablePrivateCluster' },
      brokenRules: ['SAKS-API-007', 'SAKS-API-005'],
    },
  ]);
  expect(report.unmanaged).toEqual([{ ruleId: 'SAKS-DRIFT-002', name: 'shadow-it', id: other.id, source: 'export.json#/data/1' }]);
});

test('SARIF: a valid log with a result per drift (the broken rule in its properties) and per unmanaged cluster', () => {
  const other = { ...liveGetOf(files['cluster.template.json']), name: 'shadow-it', id: '/subscriptions/0/resourcegroups/other-rg/providers/Microsoft.ContainerService/managedClusters/shadow-it' };
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('live.json', [publicAccess(), other]), '--format', 'sarif'], dir);
  expect(r.code).toBe(1);
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  expect(sarifUriProblems(log)).toEqual([]);
  const results = log.runs[0].results;
  expect(results.map((x: any) => [x.ruleId, x.level])).toEqual([
    ['SAKS-DRIFT-001', 'error'],
    ['SAKS-DRIFT-002', 'warning'],
  ]);
  expect(results[0].properties).toEqual({ approved: 'true', live: 'false', brokenRules: ['SAKS-API-007', 'SAKS-API-005'] });
  expect(results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  expect(log.runs[0].tool.driver.rules.map((x: any) => x.id)).toEqual(['SAKS-DRIFT-001', 'SAKS-DRIFT-002']);
});

test('the rules a drift breaks are judged on --evaluation-date, which every drift report records', () => {
  write('live.json', publicAccess());
  const at = (format: string) => runCli(['audit', '--approved', 'dist/acns-wireguard', 'live.json', '--format', format, '--evaluation-date', '2026-11-02'], dir).stdout;
  expect(at('text')).toMatch(/^Rules judged on 2026-11-02 \(UTC\)\.$/m);
  expect(JSON.parse(at('json')).evaluationDate).toBe('2026-11-02');
  expect(JSON.parse(at('sarif')).runs[0].properties).toEqual({ evaluationDate: '2026-11-02' });
  expect(at('sarif')).toBe(at('sarif'));
});

test('an unmanaged cluster alone is a warning: exit 0, or 1 with --fail-on warning', () => {
  const other = { ...liveGetOf(files['cluster.template.json']), name: 'shadow-it', id: '/subscriptions/0/resourcegroups/other-rg/providers/Microsoft.ContainerService/managedClusters/shadow-it' };
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('live.json', other)], dir);
  expect(r.stdout).toMatch(/^warning \[SAKS-DRIFT-002\] shadow-it: \/subscriptions\/0\/resourcegroups\/other-rg\/providers\/Microsoft\.ContainerService\/managedClusters\/shadow-it \(live\.json\)$/m);
  expect(r.stdout).toContain('Approved clusters not in the live input (not compared):\n  ledger-prod');
  expect(r.code).toBe(0);
  expect(runCli(['audit', '--approved', 'dist/acns-wireguard', 'live.json', '--fail-on', 'warning'], dir).code).toBe(1);
});

test('an --approved folder that is missing or holds no template: exit 2 with the reason', () => {
  write('live.json', publicAccess());
  const missing = runCli(['audit', '--approved', 'dist/nothing', 'live.json'], dir);
  expect(missing).toEqual({ code: 2, stdout: '', stderr: 'secure-aks: cannot read --approved dist/nothing: no such file or folder\n' });
  fs.mkdirSync(path.join(dir, 'empty'));
  const empty = runCli(['audit', '--approved', 'empty', 'live.json'], dir);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toContain('secure-aks: unusable input: --approved empty: no *.template.json in the folder');
  expect(runCli(['audit', '--help'], dir).stdout).toContain('--approved <dir>');
});

test('kubectl get -o json beside the cluster: a hostNetwork pod is drift breaking SAKS-ENC-017 under the approved ACNS WireGuard', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'ledger', uid: '00000000-0000-0000-0000-000000000001' }, spec: { hostNetwork: true, containers: [{ name: 'sh', image: 'busybox' }] }, status: { phase: 'Running' } };
  write('pods.json', { apiVersion: 'v1', kind: 'List', items: [pod], metadata: { resourceVersion: '' } });
  const r = runCli(['audit', '--approved', 'dist/acns-wireguard', write('live.json', liveGetOf(files['cluster.template.json'])), 'pods.json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('# Kubernetes objects of pods.json, compared with dist/acns-wireguard/workloads.k8s.yaml');
  expect(r.stdout).toContain('error [SAKS-DRIFT-001] v1/Pod/ledger/debug: spec.hostNetwork\n    approved: (absent)\n    live:     true (pods.json#/items/0/spec/hostNetwork)\n    breaks:   [SAKS-ENC-017]');
  const json = JSON.parse(runCli(['audit', '--approved', 'dist/acns-wireguard', 'live.json', 'pods.json', '--format', 'json'], dir).stdout);
  expect(json.kubernetes[0].drifts[0]).toMatchObject({ object: 'v1/Pod/ledger/debug', field: 'spec.hostNetwork', approved: null, live: true, brokenRules: ['SAKS-ENC-017'] });
  const sarif = JSON.parse(runCli(['audit', '--approved', 'dist/acns-wireguard', 'live.json', 'pods.json', '--format', 'sarif'], dir).stdout);
  expect(sarifValidator()(sarif)).toBe(true);
  expect(sarif.runs[0].results[0].properties.brokenRules).toEqual(['SAKS-ENC-017']);
});

test('an estate: live objects compared with the GitOps tree of the cluster they belong to', async () => {
  const estate = (await import('../../examples/estate/definition')).default.artifacts();
  for (const [name, text] of Object.entries(estate)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'dist/estate', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist/estate', name), text);
  }
  const { parseAllDocuments } = await import('yaml');
  const mesh = Object.entries(estate).find(([n]) => n.startsWith('gitops/clusters/payments/') && /mesh/.test(n))!;
  const gateways = parseAllDocuments(mesh[1]).map((d) => d.toJSON()).filter((o) => o?.kind === 'Gateway');
  expect(gateways.length).toBeGreaterThan(0);
  const live = structuredClone(gateways);
  live[0].spec.servers[0].tls = { mode: 'SIMPLE', credentialName: 'other' };
  write('gateways.json', { apiVersion: 'v1', kind: 'List', items: live });
  const r = runCli(['audit', '--approved', 'dist/estate', 'gateways.json', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  expect(report.kubernetes[0].manifests).toEqual(['dist/estate/gitops/clusters/payments']);
  expect(report.kubernetes[0].drifts.map((d: any) => [d.object, d.field, d.live[0].tls, d.approvedAt.startsWith('dist/estate/gitops/clusters/payments/')])).toEqual([
    [`networking.istio.io/v1/Gateway/${live[0].metadata.namespace}/${live[0].metadata.name}`, 'spec.servers', { mode: 'SIMPLE', credentialName: 'other' }, true],
  ]);
  expect(r.code).toBe(1);
});
