import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { hardenedPayload } from '../support/misconfiguration-corpus';

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

/**
 * The OASIS SARIF 2.1.0 schema (rtm.5) as Microsoft's SARIF SDK ships it, compiled with ajv's
 * draft-04 dialect, its formats (uri, uri-reference, date-time) checked with ajv-formats.
 * @see https://ajv.js.org/packages/ajv-formats.html
 */
function sarifValidator() {
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
  // The schema's patterns are ECMAScript without the u flag (one has a bracket the u flag rejects).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'uri-reference', 'date-time']);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
}

test('exit 0 on a cluster that breaks no error rule; its warnings are still printed', () => {
  const r = runCli(['audit', write('c.json', hardenedPayload())], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('# c1 (c.json, read as rest)');
  expect(r.stdout).toContain('0 errors');
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

test('exit 2 on unusable input, with the other files still audited and reported', () => {
  write('broken.json', '{ not json');
  write('network.json', { name: 'v', type: 'Microsoft.Network/virtualNetworks', properties: {} });
  const r = runCli(['audit', 'broken.json', write('c.json', hardenedPayload({ disableLocalAccounts: false })), 'missing.json'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/^unusable input: broken\.json: not JSON/m);
  expect(r.stdout).toContain('unusable input: missing.json: no such file');
  expect(r.stdout).toContain('[SAKS-BASE-016]');
  expect(runCli(['audit', 'network.json'], dir).stdout).toContain('no managed cluster');
});

test('usage mistakes exit 2 and point to the help', () => {
  expect(runCli(['audit'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('give at least one file') });
  expect(runCli(['audit', 'x.json', '--format', 'xml'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--format xml: use text, json, sarif') });
  expect(runCli(['audit', 'x.json', '--verbose'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("'--verbose'") });
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
  // A broken log does not validate: the check can fail.
  expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  // The schema's formats are checked, not ignored: a $schema that is no URI fails.
  expect(validate({ ...log, $schema: 'sarif schema 2.1.0' })).toBe(false);
});

test('JSON output: every finding with its rule, fix and sources; written to --output', () => {
  const r = runCli(['audit', write('c.json', hardenedPayload({ disableLocalAccounts: false })), '--format', 'json', '--output', 'report.json'], dir);
  expect(r).toMatchObject({ code: 1, stdout: '' });
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
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
  expect(open.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'show.json' }, region: { startLine: lineOfText(show, '"0.0.0.0/0"') } });
  expect(sarifValidator()(cli)).toBe(true);
});
