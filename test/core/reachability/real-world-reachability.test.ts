import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';
import { apiServerReachability } from '../../../lib/core/reachability/api-server-reachability';

/**
 * The reachability of API servers in real documents nobody here wrote
 * (test/fixtures/real-world and aks-rest-examples, each with its source),
 * against what Microsoft's documentation says of each setting.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures');

function statementOf(file: string) {
  const reading = readDocument(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), path.basename(file));
  const [cluster] = describeDeployment([reading]).clusters;
  return apiServerReachability(cluster);
}

const kinds = (s: ReturnType<typeof statementOf>) => s.paths.map((p) => [p.kind, p.from, p.fromInternet]);
const RUN_COMMAND = ['run-command', 'Azure identities holding runcommand/action on the cluster, through Azure Resource Manager', true];

test('a public API server with authorized ranges (az aks show of a live cluster): reachable from its range and through run command', () => {
  const s = statementOf('real-world/azure-cli-recording-authorized-ranges-get/cliakstest000001-authorized-ranges.json');
  expect(s.verdict).toBe('reachable-from-internet');
  expect(kinds(s)).toEqual([['public-endpoint', '1.2.3.4/32 (authorized range)', true], RUN_COMMAND]);
});

test('a public API server without ranges (the AKS quickstart template): reachable from the whole internet', () => {
  const s = statementOf('real-world/quickstart-aks-basic/azuredeploy.json');
  expect(s.verdict).toBe('reachable-from-internet');
  expect(kinds(s)).toEqual([['public-endpoint', 'the whole internet', true], RUN_COMMAND]);
  expect(s.paths[0].statement).toContain('no authorized IP range limits it');
});

test('a public API server with a range, in an ARM template Checkov tests with', () => {
  const s = statementOf('real-world/checkov-arm-authorized-ranges-string-false/aks-authIPRanges-supported-PASSED.json');
  expect(s.paths[0]).toMatchObject({ from: '73.140.245.0/24 (authorized range)', fromInternet: true });
});

test('a private cluster with run command left on (a live cluster): its only path from the internet is run command, through Azure Resource Manager', () => {
  const s = statementOf('real-world/azure-cli-recording-private-cluster-get/cliakstest000001.json');
  expect(s.verdict).toBe('reachable-from-internet');
  expect(kinds(s)).toEqual([RUN_COMMAND, ['private-endpoint', 'the virtual network AKS creates for the cluster', false]]);
  expect(s.summary).toMatch(/^The API server is reachable from the internet: through run command, for Azure identities/);
  // The public FQDN was disabled on this cluster: no public-fqdn path.
  expect(s.paths.some((p) => p.kind === 'public-fqdn')).toBe(false);
  // A live GET is not the whole deployment: what it cannot show is listed.
  expect(s.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('not every resource of the deployment was read')]);
});

test.each(['real-world/rest-example-private-cluster-public-fqdn/ManagedClustersCreate_PrivateClusterPublicFQDN.json', 'aks-rest-examples/ManagedClustersCreate_PrivateClusterPublicFQDN.json'])(
  'a private cluster with its public FQDN (Microsoft\'s REST example %s): the FQDN is a path, not from the internet',
  (file) => {
    const s = statementOf(file);
    const fqdn = s.paths.find((p) => p.kind === 'public-fqdn')!;
    expect(fqdn).toMatchObject({ fromInternet: false, source: 'https://learn.microsoft.com/azure/aks/private-clusters' });
    expect(fqdn.statement).toContain('(enablePrivateClusterPublicFQDN is true)');
    expect(s.paths.some((p) => p.kind === 'public-endpoint')).toBe(false);
    // Run command is not disabled in the example.
    expect(s.verdict).toBe('reachable-from-internet');
  },
);

test('a module whose access profile is a parameter without a default (AVM): undecided, never a path or "no path"', () => {
  const s = statementOf('real-world/avm-res-managed-cluster/main.json');
  expect(s.verdict).toBe('undecided');
  expect(s.paths.map((p) => [p.kind, p.fromInternet])).toEqual([['public-endpoint', 'undecided'], ['run-command', 'undecided']]);
  expect(s.undecided[0].reason).toContain("parameter 'apiServerAccessProfile' has no default value");
});
