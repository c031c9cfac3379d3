import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { renderAuditJson, renderAuditText } from '../../../lib/core/audit/audit-report';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';

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
  expect(text).toMatch(/ {2}re-check: az aks show --resource-group \S+ --name cliakstest000001 --query apiServerAccessProfile.disableRunCommand\n/);
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
    recheck: expect.stringMatching(/^az aks show --resource-group \S+ --name cliakstest000001 --query /),
    source: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  });
  // A public API server's paths are all on the cluster: a GET of it leaves nothing undecided.
  expect(reach.undecided).toEqual([]);
});
