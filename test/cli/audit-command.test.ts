import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { hardenedPayload } from '../support/misconfiguration-corpus';
import { spawnCli } from './cli-process';
import { sarifUriProblems, sarifValidator } from './sarif-checks';
import { oscalProblems } from '../core/evidence/oscal-checks';

const FIXTURES = path.resolve(__dirname, '../fixtures/aks-rest-examples');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-audit-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => {
  fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return name;
};

test('exit 0 on a cluster that breaks no error rule; its warnings are still printed', () => {
  const r = runCli(['audit', write('c.json', hardenedPayload())], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('# c1 (c.json, read as rest)');
  expect(r.stdout).toMatch(/^\d+ findings?: 0 errors, \d+ warnings?, \d+ info$/m);
  expect(r.stdout).toContain('Nodes to the API server: encrypted');
  // --fail-on warning: the undecided rules are not warnings, the info is not either: still clean.
  expect(runCli(['audit', 'c.json', '--fail-on', 'warning'], dir).code).toBe(0);
});

test('exit 1 on broken rules, naming each with its fix and source', () => {
  const r = runCli(['audit', path.join(FIXTURES, 'ManagedClustersCreate_Premium.json')], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('[SAKS-API-005] properties.apiServerAccessProfile.authorizedIPRanges = []');
  expect(r.stdout).toContain('source: https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges');
  expect(r.stdout).toMatch(/Azure Policy built-in definitions:\n {2}\S+/);
  expect(r.stdout).toMatch(/not-verified +control-plane audit logs/);
});

test('exit 2 on unusable input, named on standard error; the other files are still audited and reported on standard output', () => {
  write('broken.json', '{ not json');
  write('network.json', { name: 'v', type: 'Microsoft.Network/virtualNetworks', properties: {} });
  fs.mkdirSync(path.join(dir, 'folder.json'));
  const r = runCli(['audit', 'broken.json', write('c.json', hardenedPayload({ disableLocalAccounts: false })), 'missing.json', 'folder.json'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^secure-aks: unusable input: broken\.json: not JSON/m);
  expect(r.stderr).toContain('secure-aks: unusable input: missing.json: no such file');
  expect(r.stderr).toContain('secure-aks: unusable input: folder.json: it is a folder');
  expect(r.stdout).not.toContain('unusable input');
  expect(r.stdout).toContain('[SAKS-BASE-016]');
  expect(runCli(['audit', 'network.json'], dir).stderr).toContain('no managed cluster');
});

test('every finding of the text report carries its severity, and the counts add up to the findings listed', () => {
  const r = runCli(['audit', path.join(FIXTURES, 'ManagedClustersCreate_Premium.json')], dir);
  const [, total, errors, warnings, infos] = /^(\d+) findings?: (\d+) errors?, (\d+) warnings?, (\d+) info$/m.exec(r.stdout)!.map(Number);
  const findings = r.stdout.split('\n').filter((l) => /^\w+ \[SAKS-/.test(l));
  const labelled = (severity: string) => findings.filter((l) => l.startsWith(`${severity} [`)).length;
  expect(findings.length).toBe(total);
  expect(errors + warnings + infos).toBe(total);
  expect([labelled('error'), labelled('warning'), labelled('info')]).toEqual([errors, warnings, infos]);
  // This example has an info finding: it is listed and counted, not left out.
  expect(infos).toBeGreaterThan(0);
  // Every finding line carries one of the three labels.
  expect(findings.every((l) => /^(error|warning|info) \[/.test(l))).toBe(true);
});

test('colour only on a terminal, and never with NO_COLOR set', () => {
  const file = path.join(FIXTURES, 'ManagedClustersCreate_Premium.json');
  const ESC = '\x1b[';
  const onTerminal = (env: Record<string, string>) => runCli(['audit', file], dir, { stdoutIsTty: true, env }).stdout;
  expect(onTerminal({})).toContain(`${ESC}31merror${ESC}0m [SAKS-API-005]`);
  // https://no-color.org: set and not empty means no colour; empty means unset.
  expect(onTerminal({ NO_COLOR: '1' })).not.toContain(ESC);
  expect(onTerminal({ NO_COLOR: '' })).toContain(ESC);
  expect(runCli(['audit', file], dir, { stdoutIsTty: false, env: {} }).stdout).not.toContain(ESC);
  // A report written to a file has none either.
  runCli(['audit', file, '-o', 'report.txt'], dir, { stdoutIsTty: true, env: {} });
  expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).not.toContain(ESC);
});

test('- reads standard input, named <stdin> in the reports; once only', () => {
  const payload = JSON.stringify(hardenedPayload({ disableLocalAccounts: false }), null, 2);
  const r = runCli(['audit', '-'], dir, { readStdin: () => payload });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('# c1 (<stdin>, read as rest)');
  const json = JSON.parse(runCli(['audit', '-', '--format', 'json'], dir, { readStdin: () => payload }).stdout);
  expect(json.clusters[0].source).toBe('<stdin>');
  expect(runCli(['audit', '-'], dir, { readStdin: () => '{' }).stderr).toMatch(/^secure-aks: unusable input: <stdin>: not JSON/);
  expect(runCli(['audit', '-', '-'], dir, { readStdin: () => payload })).toMatchObject({ code: 2, stderr: expect.stringContaining('- (standard input) can be given once') });
  // As a shell pipes it: `az aks show ... | secure-aks audit -`.
  const piped = spawnCli(['audit', '-', '--format', 'sarif', '--evaluation-date', '2026-04-01'], { cwd: dir, input: payload });
  expect(piped.status).toBe(1);
  expect(piped.stderr).toBe('');
  const log = JSON.parse(piped.stdout);
  expect(log.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'stdin', uriBaseId: 'STDIN' }, region: { startLine: expect.any(Number) } });
  expect(sarifValidator()(log)).toBe(true);
  expect(sarifUriProblems(log)).toEqual([]);
});

test('SARIF locations are valid URIs: relative paths against %SRCROOT% (the working folder), others as file: URIs, percent-encoded', () => {
  const payload = hardenedPayload({ disableLocalAccounts: false });
  fs.mkdirSync(path.join(dir, 'sub dir', 'ü#1'), { recursive: true });
  write('sub dir/ü#1/c [x].json', payload);
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-outside-'));
  const absolute = path.join(outside, 'a b%.json');
  fs.writeFileSync(absolute, JSON.stringify(payload));
  try {
    const log = JSON.parse(runCli(['audit', 'sub dir/ü#1/c [x].json', absolute, path.join(dir, 'sub dir', 'ü#1', 'c [x].json'), '--format', 'sarif'], dir).stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarifUriProblems(log)).toEqual([]);
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    expect(fileURLToPath(base)).toBe(`${dir}${path.sep}`);
    const locations = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    const uris = [...new Set(locations.map((a: any) => JSON.stringify(a)))].map((a) => JSON.parse(a as string));
    expect(uris).toEqual(expect.arrayContaining([
      { uri: 'sub%20dir/%C3%BC%231/c%20%5Bx%5D.json', uriBaseId: '%SRCROOT%' },
      { uri: expect.stringMatching(/^file:\/\/\/.*\/a%20b%25\.json$/) },
    ]));
    // Each resolves to the file it was read from: the SARIF Multitool and GitHub find it.
    for (const a of uris) {
      const resolved = fileURLToPath(new URL(a.uri, a.uriBaseId ? base : undefined));
      expect([path.join(dir, 'sub dir', 'ü#1', 'c [x].json'), absolute]).toContain(resolved);
    }
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('the SARIF URI checks can fail: an absolute path as the uri, a relative one without its base', () => {
  const log = (artifactLocation: unknown) => ({ runs: [{ results: [{ locations: [{ physicalLocation: { artifactLocation } }] }] }] });
  expect(sarifUriProblems(log({ uri: 'file:///a/b.json' }))).toEqual([]);
  expect(sarifUriProblems(log({ uri: 'a/b.json' }))).toEqual(['a/b.json: a relative reference without a uriBaseId']);
  expect(sarifUriProblems(log({ uri: 'a b.json', uriBaseId: '%SRCROOT%' }))).toEqual(['a b.json: not a URI reference']);
  expect(sarifUriProblems(log({ uri: 'file:///a', uriBaseId: '%SRCROOT%' }))).toEqual(['file:///a: an absolute URI with a uriBaseId']);
  expect(sarifUriProblems({ runs: [{ originalUriBaseIds: { R: { uri: 'file:///a/../b' } }, results: [] }] })).toHaveLength(2);
});

test('usage mistakes exit 2 and point to the help', () => {
  expect(runCli(['audit'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('give at least one file') });
  expect(runCli(['audit', 'x.json', '--format', 'xml'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--format xml: use text, json, sarif') });
  expect(runCli(['audit', 'x.json', '--verbose'], dir)).toMatchObject({ code: 2, stderr: "secure-aks: unknown option '--verbose'\nSee 'secure-aks audit --help'.\n" });
  expect(runCli(['audit', 'x.json', '--fromat', 'json'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("secure-aks: unknown option '--fromat'. Did you mean '--format'?") });
  expect(runCli(['audit', 'x.json', '--output'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("option '--output' needs a value") });
  expect(runCli(['audit', 'x.json', '--help=yes'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("option '--help' takes no value") });
  expect(runCli(['audit', '--help'], dir).stdout).toContain('Exit codes: 0 no broken rule, 1 broken rules, 2 unusable input');
  expect(runCli(['--help'], dir).stdout).toContain('audit <file>...');
});

test('the SARIF log of every shipped fixture validates against the SARIF 2.1.0 schema', () => {
  const validate = sarifValidator();
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => path.join(FIXTURES, f));
  const r = runCli(['audit', ...files, '--format', 'sarif'], dir);
  expect(r.code).toBe(2); // the mesh profile examples are not clusters
  const log = JSON.parse(r.stdout);
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const results = log.runs[0].results as any[];
  expect(results.length).toBeGreaterThan(50);
  const rule = log.runs[0].tool.driver.rules[results[0].ruleIndex];
  expect(rule.id).toBe(results[0].ruleId);
  expect(results.find((x) => x.ruleId === 'SAKS-NET-011')).toMatchObject({
    level: 'error',
    locations: [{ physicalLocation: { artifactLocation: { uri: expect.stringMatching(/ManagedClustersCreate_\w+\.json$|AdvancedNetworkingTransitEncryption\.json$/) } } }],
  });
  expect(log.runs[0].invocations[0].toolExecutionNotifications.length).toBe(4);
  expect(sarifUriProblems(log)).toEqual([]);
  // A broken log does not validate: the check can fail.
  expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  // The schema's formats are checked, not ignored: a $schema that is no URI fails.
  expect(validate({ ...log, $schema: 'sarif schema 2.1.0' })).toBe(false);
});

test('JSON output: every finding with its rule, fix and sources; written to --output (-o), its folders created', () => {
  const r = runCli(['audit', write('c.json', hardenedPayload({ disableLocalAccounts: false })), '--format', 'json', '-o', 'reports/today/report.json'], dir);
  expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports/today/report.json'), 'utf8'));
  // -o - is standard output.
  expect(JSON.parse(runCli(['audit', 'c.json', '--format', 'json', '--output', '-'], dir).stdout)).toEqual(report);
  expect(report.clusters[0].violations[0]).toMatchObject({ ruleId: 'SAKS-BASE-016', severity: 'error', property: 'properties.disableLocalAccounts', value: false, sources: ['https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad'] });
  expect(report.clusters[0].transitEncryption.kind).toBe('acnsWireGuard');
});

test('the same input gives byte-identical reports', () => {
  const file = path.join(FIXTURES, 'ManagedClustersCreate_Premium.json');
  for (const format of ['text', 'json', 'sarif']) {
    expect(runCli(['audit', file, '--format', format], dir).stdout).toBe(runCli(['audit', file, '--format', format], dir).stdout);
  }
});

test('each SARIF result is on the line of its property, in the REST shape and in az aks show\'s', () => {
  const lineOfText = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const premium = path.join(FIXTURES, 'ManagedClustersCreate_Premium.json');
  const text = fs.readFileSync(premium, 'utf8');
  const log = JSON.parse(runCli(['audit', premium, '--format', 'sarif'], dir).stdout);
  const at = (ruleId: string) => log.runs[0].results.find((r: any) => r.ruleId === ruleId).locations[0].physicalLocation.region?.startLine;
  // The request comes first in Microsoft's example file.
  expect(at('SAKS-NET-011')).toBe(lineOfText(text, '"enableNodePublicIP": true'));
  expect(at('SAKS-ID-001')).toBe(lineOfText(text, '"clientId": "clientid"'));
  // A property that is not written: the line of the deepest part that is (here the properties object).
  expect(at('SAKS-BASE-016')).toBe(lineOfText(text, '"properties": {'));

  const show = JSON.stringify({
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1',
    name: 'c1',
    type: 'Microsoft.ContainerService/ManagedClusters',
    location: 'westeurope',
    apiServerAccessProfile: { enablePrivateCluster: false, authorizedIpRanges: ['0.0.0.0/0'] },
    disableLocalAccounts: true,
  }, null, 2);
  write('show.json', show);
  const cli = JSON.parse(runCli(['audit', 'show.json', '--format', 'sarif'], dir).stdout);
  const open = cli.runs[0].results.find((r: any) => r.ruleId === 'SAKS-API-005');
  expect(open.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'show.json', uriBaseId: '%SRCROOT%' }, region: { startLine: lineOfText(show, '"0.0.0.0/0"') } });
  expect(sarifValidator()(cli)).toBe(true);
});

test('the support windows of a real template, judged on --evaluation-date, which every report records', () => {
  // Azure Verified Module pattern avm/ptn/azd/aks (test/fixtures/real-world/avm-ptn-azd-aks): kubernetesVersion defaults to 1.33,
  // supported through July 2026 on Microsoft's AKS calendar.
  const template = path.resolve(__dirname, '../fixtures/real-world/avm-ptn-azd-aks/main.json');
  const at = (date: string, format = 'text') => runCli(['audit', template, '--format', format, '--evaluation-date', date], dir);
  const before = at('2026-04-01');
  expect(before.stdout).toMatch(/^Support windows evaluated on 2026-04-01 \(UTC\)\.$/m);
  expect(before.stdout).not.toMatch(/^(error|warning) \[SAKS-VER-00[12]\]/m);
  const ended = at('2026-12-07');
  expect(ended.code).toBe(1);
  expect(ended.stdout).toMatch(/^Support windows evaluated on 2026-12-07 \(UTC\)\.$/m);
  expect(ended.stdout).toContain('error [SAKS-VER-002] properties.kubernetesVersion = "1.33"');
  expect(ended.stdout).toContain('detail: support ended 2026-07 (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions');
  expect(ended.stdout).toContain('evaluated on 2026-12-07');
  // The module's preview API version has no dated retirement: the warning rule is undecided, with why.
  expect(ended.stdout).toMatch(/undecided warning \[SAKS-VER-001\] .*managedClusters@2025-05-02-preview is not known on 2026-12-07/);
  const json = JSON.parse(at('2026-12-07', 'json').stdout);
  expect(json.evaluationDate).toBe('2026-12-07');
  expect(json.clusters[0].verdicts).toMatchObject({ 'SAKS-VER-001': 'undecided', 'SAKS-VER-002': 'fail' });
  expect(json.clusters[0].violations.find((v: { ruleId: string }) => v.ruleId === 'SAKS-VER-002')).toMatchObject({ property: 'properties.kubernetesVersion', value: '1.33' });
  const sarif = JSON.parse(at('2026-12-07', 'sarif').stdout);
  expect(sarif.runs[0].properties).toEqual({ evaluationDate: '2026-12-07' });
  expect(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === 'SAKS-VER-002' && r.level === 'error')).toBe(true);
  expect(sarifValidator()(sarif)).toBe(true);
  // Same input, same date: the same report, byte for byte.
  expect(at('2026-12-07', 'sarif').stdout).toBe(at('2026-12-07', 'sarif').stdout);
  // A date that is no calendar date: the library's error, and no report.
  const bad = runCli(['audit', template, '--evaluation-date', '2026-02-30'], dir);
  expect(bad).toMatchObject({ code: 2, stdout: '' });
  expect(bad.stderr).toContain('[SAKS-VER-003] --evaluation-date = "2026-02-30"');
  expect(bad.stderr).toContain('fix: give a calendar date as YYYY-MM-DD');
});

test('--evidence writes the OSCAL assessment results and the HTML report of the audited files, located at their lines', () => {
  const file = write('c.json', JSON.stringify(hardenedPayload(), null, 2));
  const r = runCli(['audit', file, '--evidence', 'evidence/out', '--evaluation-date', '2026-04-01'], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('evidence/out/: assessment-results.oscal.json, report.html\n');
  const oscal = JSON.parse(fs.readFileSync(path.join(dir, 'evidence/out/assessment-results.oscal.json'), 'utf8'));
  expect(oscalProblems(oscal)).toEqual([]);
  expect(oscal['assessment-results'].metadata['last-modified']).toBe('2026-04-01T00:00:00Z');
  const evidence = oscal['assessment-results'].results[0].observations.flatMap((o: { 'relevant-evidence'?: Array<{ props: Array<{ name: string; value: string }> }> }) => o['relevant-evidence'] ?? []);
  const located = evidence.find((e: { props: Array<{ name: string; value: string }> }) => e.props.some((p) => p.name === 'rest-path' && p.value === 'properties.disableLocalAccounts'));
  const line = Number(located.props.find((p: { name: string }) => p.name === 'line').value);
  expect(fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[line - 1]).toContain('disableLocalAccounts');
  const html = fs.readFileSync(path.join(dir, 'evidence/out/report.html'), 'utf8');
  expect(html).toContain('<h3>cluster c1</h3>');
  // Every fact and path has the command that re-checks it, and so has every coverage cell.
  const rechecks = evidence.map((e: { props: Array<{ name: string; value: string }> }) => e.props.find((p) => p.name === 'recheck')?.value ?? '');
  expect(rechecks.length).toBeGreaterThan(20);
  expect(rechecks.filter((c: string) => !/^(az resource show|az network|kubectl get) /.test(c))).toEqual([]);
  const coverage = html.split('<h2>Encryption coverage</h2>')[1].split('<h2')[0];
  expect(coverage.match(/re-check: <code>(az|kubectl) /g)?.length).toBe(coverage.match(/<span class="verdict /g)?.length);
  // The same files and date give the same evidence, byte for byte.
  runCli(['audit', file, '--evidence', 'again', '--evaluation-date', '2026-04-01'], dir);
  expect(fs.readFileSync(path.join(dir, 'again/report.html'), 'utf8')).toBe(html);
});

test('--evaluation-date that is not a date is a usage mistake, and nothing is written', () => {
  const r = runCli(['audit', write('c.json', hardenedPayload()), '--evidence', 'ev', '--evaluation-date', '2026-13-01'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('[SAKS-VER-003] --evaluation-date = "2026-13-01"');
  expect(fs.existsSync(path.join(dir, 'ev'))).toBe(false);
});

test('a text report to --output is written cluster by cluster, byte-identical to the one on standard output, with the same exit code', () => {
  const list = path.resolve(__dirname, '../fixtures/real-world/rest-example-managed-clusters-list/ManagedClustersList.json');
  // An Azure Resource Graph export (az graph query) of two clusters, one of them breaking an error rule.
  const graph = write('graph.json', { count: 2, data: [{ ...hardenedPayload(), name: 'c1' }, { ...hardenedPayload({ disableLocalAccounts: false }), name: 'c2' }], skip_token: null, total_records: 2 });
  const unusable = write('not-json.json', '{');
  for (const files of [[graph], [list, unusable], [write('c.json', hardenedPayload())]]) {
    // The exit code under every option that changes it: the file's run keeps only the rules broken or undecided anywhere.
    for (const options of [[], ['--fail-on', 'warning'], ['--fail-on-undecided']]) {
      const printed = runCli(['audit', ...files, '--evaluation-date', '2026-12-01', ...options], dir);
      const written = runCli(['audit', ...files, '--evaluation-date', '2026-12-01', ...options, '-o', 'out/report.txt'], dir);
      expect(written).toEqual({ code: printed.code, stdout: '', stderr: printed.stderr });
      expect(fs.readFileSync(path.join(dir, 'out/report.txt'), 'utf8')).toBe(printed.stdout);
    }
  }
  // An export of clusters that break no error rule exits 0, written to a file too.
  const clean = write('clean.json', { count: 1, data: [hardenedPayload()], skip_token: null, total_records: 1 });
  expect(runCli(['audit', clean, '-o', 'clean.txt'], dir).code).toBe(0);
  const report = (runCli(['audit', graph, '-o', 'graph.txt'], dir), fs.readFileSync(path.join(dir, 'graph.txt'), 'utf8'));
  expect(report.match(/^# c\d /gm)).toEqual(['# c1 ', '# c2 ']);
});

test('a template holding only node pools of a cluster it does not define is audited by the rules of node pools, not refused as unusable', () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2025-10-01', name: 'aks-prod/user1', properties: { mode: 'User', count: 2, vmSize: 'Standard_D4ds_v5', osType: 'Linux', enableNodePublicIP: true, enableEncryptionAtHost: true, enableFIPS: true } },
    ],
  };
  const r = runCli(['audit', write('pools.json', template), '--evaluation-date', '2026-06-01'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('# aks-prod: node pools user1 (cluster not read) (pools.json#/resources/0, read as arm-template)');
  expect(r.stdout).toContain('error [SAKS-NET-011] properties.enableNodePublicIP = true');
  // What needs the cluster is undecided, and says why; nothing of the cluster is claimed.
  expect(r.stdout).toContain("undecided error [SAKS-ENC-005] the pool's cluster is not among the resources read");
  expect(r.stdout).not.toMatch(/\[SAKS-API-005\]/);
  expect(r.stdout).toContain('API server reachability: undecided.');
  expect(r.stdout).toMatch(/^Transit encryption: not verified/m);
  const json = JSON.parse(runCli(['audit', 'pools.json', '--format', 'json', '--evaluation-date', '2026-06-01'], dir).stdout);
  expect(json.problems).toEqual([]);
  expect(json.clusters.map((c: { verdicts: Record<string, string> }) => c.verdicts['SAKS-NET-011'])).toEqual(['fail']);
  expect(json.clusters[0].securityBaseline.filter((c: { status: string }) => c.status === 'pass')).toEqual([]);
});

test('the Azure Verified Module of one node pool, a pool added to an existing cluster, is audited by the rules of node pools', () => {
  const avm = path.resolve(__dirname, '../fixtures/real-world/avm-res-managed-cluster-agent-pool/main.json');
  const r = runCli(['audit', avm, '--format', 'json', '--evaluation-date', '2026-06-01'], dir);
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout);
  expect(json.clusters).toHaveLength(1);
  expect(json.clusters[0].source).toMatch(/main\.json#\/resources\/agentPool$/);
  // enableEncryptionAtHost's default is false: a warning, so the exit code stays 0 at --fail-on error.
  expect(json.clusters[0].violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['SAKS-BASE-005']);
  expect(r.code).toBe(0);
  expect(runCli(['audit', avm, '--fail-on', 'warning'], dir).code).toBe(1);
});

test('a Terraform plan that adds a node pool to a cluster it does not hold is audited by the rules of node pools too', () => {
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'azurerm_kubernetes_cluster_node_pool.user',
            mode: 'managed',
            type: 'azurerm_kubernetes_cluster_node_pool',
            name: 'user',
            values: { name: 'user', kubernetes_cluster_id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1', vm_size: 'Standard_D4ds_v5', node_count: 2, node_public_ip_enabled: true },
          },
        ],
      },
    },
    resource_changes: [],
  };
  const r = runCli(['audit', write('plan.json', plan), '--evaluation-date', '2026-06-01'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('# aks1: node pools user (cluster not read) (plan.json#/planned_values/root_module/resources/0, read as terraform-plan)');
  expect(r.stdout).toContain('error [SAKS-NET-011] properties.enableNodePublicIP = true');
});

test('a pool named by an expression beside two clusters may be one of theirs: judged by the rules of node pools, its cluster not known rather than not read', () => {
  const cluster = (name: string) => ({ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-10-01', name, location: 'westeurope', properties: { dnsPrefix: name, agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5' }] } });
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { clusterName: { type: 'string' } },
    resources: [
      cluster('aks1'),
      cluster('aks2'),
      { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2025-10-01', name: "[format('{0}/user', parameters('clusterName'))]", properties: { mode: 'User', count: 2, vmSize: 'Standard_D4ds_v5', enableNodePublicIP: true, enableFIPS: true } },
    ],
  };
  const r = runCli(['audit', write('two.json', template), '--evaluation-date', '2026-06-01'], dir);
  expect(r.stdout).toMatch(/^# .*node pools user \(cluster not known\) \(two\.json#\/resources\/2, read as arm-template\)$/m);
  expect(r.stdout).toContain('error [SAKS-NET-011] properties.enableNodePublicIP = true');
  expect(r.stdout).toMatch(/undecided error \[SAKS-ENC-005\] which cluster the pool belongs to is not known/);
  expect(r.stdout).not.toContain("the pool's cluster is not among the resources read");
});

test("each cluster of a tenant's export gets its own verdicts: its section is the one it gets audited alone", () => {
  // Clusters that differ in what the rules, the reachability statement and the recheck commands read.
  const cluster = (i: number, properties: Record<string, unknown>) => ({
    ...hardenedPayload(properties),
    id: `/subscriptions/00000000-0000-0000-0000-00000000000${i}/resourceGroups/rg-${i}/providers/Microsoft.ContainerService/managedClusters/c${i}`,
    name: `c${i}`,
  });
  const clusters = [
    cluster(1, {}),
    cluster(2, { disableLocalAccounts: false, apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: [] } }),
    cluster(3, { apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] }, kubernetesVersion: '1.9.6' }),
    cluster(4, {}),
  ];
  const graph = (data: unknown[]) => ({ count: data.length, data, skip_token: null, total_records: data.length });
  const sections = (file: string) => {
    runCli(['audit', file, '--evaluation-date', '2026-12-01', '-o', `${file}.txt`], dir);
    // Each section without the line naming where it was read (the file and its place in it).
    return fs.readFileSync(path.join(dir, `${file}.txt`), 'utf8').split(/\n(?=# c\d )/).slice(1).map((s) => s.replace(/^# (c\d) \(.*\)$/m, '# $1'));
  };
  const together = sections(write('tenant.json', graph(clusters)));
  const alone = clusters.map((c, i) => sections(write(`alone-${i}.json`, graph([c])))[0]);
  expect(together).toEqual(alone);
  // The clusters differ, and so do their sections: a verdict, a statement or a command of one is never another's.
  expect(together[1]).toContain('[SAKS-API-005]');
  expect(together[0]).not.toContain('[SAKS-API-005]');
  expect(together[2]).toContain('properties.kubernetesVersion = "1.9.6"');
  expect(together[3]).not.toContain('1.9.6');
  for (const [i, s] of together.entries()) expect(s).toContain(`az resource show --ids /subscriptions/00000000-0000-0000-0000-00000000000${i + 1}/resourceGroups/rg-${i + 1}/providers/Microsoft.ContainerService/managedClusters/c${i + 1}`);
  expect(together[1]).toMatch(/^ {2}public-endpoint \(from the internet\)/m);
  expect(together[0]).not.toMatch(/^ {2}public-endpoint/m);
});

test('a cluster whose properties are not known offline is audited, its encryption and egress not verified, never passed', () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { p: { type: 'object' } },
    resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2024-05-01', name: 'c1', location: 'westeurope', identity: { type: 'SystemAssigned' }, properties: "[parameters('p')]" }],
  };
  const r = runCli(['audit', write('t.json', template), '--evaluation-date', '2026-12-01', '-o', 't.txt'], dir);
  expect(r.stderr).toBe('');
  const report = fs.readFileSync(path.join(dir, 't.txt'), 'utf8');
  expect(report).toContain("Transit encryption: not verified (parameter 'p' has no default value).");
  expect(report).toContain("Public egress path: not verified offline: not known offline (parameter 'p' has no default value).");
});
