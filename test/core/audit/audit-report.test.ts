import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { FRAMEWORK_LABELS, frameworkClauseLabels, frameworkClausesOf, frameworkClausesText } from '../../../lib';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { AuditRun, renderAuditJson, renderAuditSarif, renderAuditText } from '../../../lib/core/audit/audit-report';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

/** A cluster whose Azure Policy add-on is off (SAKS-BASE-002, tied to a built-in with clauses) and local accounts on (SAKS-BASE-016, unmapped). */
const run = (): AuditRun => {
  const document = hardenedPayload({ disableLocalAccounts: false, addonProfiles: { omsagent: { enabled: true }, azurepolicy: { enabled: false } } });
  return { audits: describeDeployment([readDocument(document, 'c.json')]).clusters.map((c) => auditCluster(c)), problems: [] };
};

test('the JSON report gives the framework clauses of every rule and control it names, [] when unmapped', () => {
  const report = JSON.parse(renderAuditJson(run()));
  const ruleIds = report.clusters[0].violations.map((v: { ruleId: string }) => v.ruleId);
  expect(ruleIds).toEqual(expect.arrayContaining(['SAKS-BASE-002', 'SAKS-BASE-016']));
  expect(frameworkClausesOf('SAKS-BASE-002').length).toBeGreaterThan(0);
  expect(report.frameworks['SAKS-BASE-002']).toEqual(JSON.parse(JSON.stringify(frameworkClausesOf('SAKS-BASE-002'))));
  expect(report.frameworks['SAKS-BASE-016']).toEqual([]);
  for (const c of report.clusters[0].securityBaseline) expect(report.frameworks[c.id], c.id).toEqual(JSON.parse(JSON.stringify(frameworkClausesOf(c.id))));
  expect(Object.keys(report.frameworks)).toEqual(Object.keys(report.frameworks).sort());
});

test('the SARIF log tags each rule with its clauses; an unmapped rule has no tags', () => {
  const log = JSON.parse(renderAuditSarif(run(), { toolVersion: '0.0.0' }));
  const rules = log.runs[0].tool.driver.rules as { id: string; properties?: { tags: string[] } }[];
  const mapped = rules.find((r) => r.id === 'SAKS-BASE-002')!;
  expect(mapped.properties!.tags).toEqual(frameworkClauseLabels(frameworkClausesOf('SAKS-BASE-002')));
  expect(mapped.properties!.tags.length).toBeGreaterThan(0);
  expect(rules.find((r) => r.id === 'SAKS-BASE-016')!.properties).toBeUndefined();
});

test('the text report gives the clauses under each mapped finding and beside each mapped control', () => {
  const text = renderAuditText(run());
  expect(text).toContain(`    frameworks: ${frameworkClausesText(frameworkClausesOf('SAKS-BASE-002'))}`);
  expect(text).toContain(`CIS 5.4.1 (control plane endpoint): the API server is private, or its public endpoint is limited to authorized IP ranges | frameworks: ${frameworkClausesText(frameworkClausesOf('CIS 5.4.1 (control plane endpoint)'))}`);
  expect(text).toMatch(/ uptime SLA: [^\n|]*\n/);
});

test('clause labels: each clause once, "(cited)" only where no built-in supports it', () => {
  const labels = frameworkClauseLabels(frameworkClausesOf('transit encryption'));
  expect(labels).toContain('NIST SP 800-53 R5 SC-8 (cited)');
  expect(new Set(labels).size).toBe(labels.length);
  const builtIn = frameworkClausesOf('SAKS-API-005');
  expect(builtIn.every((c) => c.basis.kind === 'built-in')).toBe(true);
  expect(frameworkClauseLabels(builtIn)).toEqual([...new Set(builtIn.map((c) => `${FRAMEWORK_LABELS[c.framework]} ${c.control}`))]);
});

/** The audit's reports carry each cluster's API server reachability. */
const FIXTURES = path.resolve(__dirname, '../../fixtures/real-world');

function runOf(file: string) {
  const reading = readDocument(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), path.basename(file));
  return { audits: describeDeployment([reading]).clusters.map((c) => auditCluster(c)), problems: [] };
}

test('the text report states the reachability of each API server, its paths, what is undecided and how to re-check', () => {
  const text = renderAuditText(runOf('azure-cli-recording-private-cluster-get/cliakstest000001.json'));
  expect(text).toContain('API server reachability: reachable-from-internet. The API server is reachable from the internet: through run command, for Azure identities');
  expect(text).toContain('  run-command (from the internet): Azure identities holding runcommand/action on the cluster, through Azure Resource Manager');
  expect(text).toContain('  private-endpoint (not from the internet): the virtual network AKS creates for the cluster');
  expect(text).toContain('  undecided: not every resource of the deployment was read');
  expect(text).toMatch(/ {2}re-check: az resource show --ids \S+\/managedClusters\/cliakstest000001 --query properties.apiServerAccessProfile.disableRunCommand\n/);
});

test('the JSON report gives the verdict, every path with its provenance, and what is undecided', () => {
  const json = JSON.parse(renderAuditJson(runOf('azure-cli-recording-authorized-ranges-get/cliakstest000001-authorized-ranges.json')));
  const reach = json.clusters[0].apiServerReachability;
  expect(reach.verdict).toBe('reachable-from-internet');
  expect(reach.paths[0]).toEqual({
    kind: 'public-endpoint',
    from: '1.2.3.4/32 (authorized range)',
    fromInternet: true,
    statement: 'Addresses in 1.2.3.4/32 can open a connection to the public endpoint of the API server.',
    provenance: [{ document: 'cliakstest000001-authorized-ranges.json', pointer: '/properties/apiServerAccessProfile/authorizedIPRanges/0' }],
    recheck: expect.stringMatching(/^az resource show --ids \S+\/managedClusters\/cliakstest000001 --query /),
    source: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  });
  // A public API server's paths are all on the cluster: a GET of it leaves nothing undecided.
  expect(reach.undecided).toEqual([]);
});

test('the text report counts in the number its counts call for: "1 finding: 1 error", "1 rule" undecided', () => {
  const [a] = run().audits;
  const error = a.violations.find((v) => v.rule.severity === 'error')!;
  expect(error, 'the cluster breaks an error rule').toBeDefined();
  const one = { ...a, violations: [error], undecided: [{ rule: error.rule, reason: 'a value not known offline' }] };
  const text = renderAuditText({ audits: [one], problems: [] });
  expect(text).toMatch(/^1 finding: 1 error, 0 warnings, 0 info$/m);
  expect(text).toContain('Undecided: 1 rule (a value they need');
  const none = renderAuditText({ audits: [{ ...a, violations: [], undecided: [] }], problems: [] });
  expect(none).toMatch(/^0 findings: 0 errors, 0 warnings, 0 info$/m);
  const many = renderAuditText({ audits: [{ ...a, violations: [error, error], undecided: [] }], problems: [] });
  expect(many).toMatch(/^2 findings: 2 errors, 0 warnings, 0 info$/m);
});
