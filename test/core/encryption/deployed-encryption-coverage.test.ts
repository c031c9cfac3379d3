import { expect, test } from 'vitest';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { deployedEncryptionCoverageOf } from '../../../lib/core/encryption/deployed-encryption-coverage';
import { IN_CLUSTER_COVERAGE } from '../../../lib/core/encryption/encryption-coverage';
import { transitEncryptionOfCluster } from '../../../lib/core/encryption/pod-traffic-encryption';
import { readDocument } from '../../../lib/core/readers/read-document';

/** The coverage of a template's one cluster with `properties`. */
function coverageOf(properties: Record<string, unknown>, parameters: Record<string, unknown> = {}) {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters,
    resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-07-01', name: 'coverage', location: 'westeurope', properties }],
  };
  const [cluster] = describeDeployment([readDocument(template, 'main.json')]).clusters;
  return deployedEncryptionCoverageOf(cluster, transitEncryptionOfCluster(cluster));
}

const apiRow = (properties: Record<string, unknown>, parameters?: Record<string, unknown>) => coverageOf(properties, parameters).find((f) => f.flow === 'nodes-to-api-server')!;

test('the in-cluster rows are the mechanism\'s facts, and the cross-cluster row is never claimed from ARM', () => {
  const coverage = coverageOf({ networkProfile: { networkPlugin: 'azure', networkDataplane: 'cilium', advancedNetworking: { security: { transitEncryption: { type: 'WireGuard' } } } } });
  expect(coverage.map((f) => f.flow)).toEqual(['pod-to-pod-same-node', 'pod-to-pod-cross-node', 'host-network-pods', 'node-to-node', 'nodes-to-api-server', 'cross-cluster']);
  expect(coverage.find((f) => f.flow === 'pod-to-pod-cross-node')).toEqual({ flow: 'pod-to-pod-cross-node', ...IN_CLUSTER_COVERAGE.acnsWireGuard['pod-to-pod-cross-node'] });
  expect(coverage.find((f) => f.flow === 'cross-cluster')!.status).toBe('not-verified');
});

test('an in-cluster mechanism not known offline leaves every in-cluster row not verified, with the rules\' reason', () => {
  const coverage = coverageOf({ networkProfile: { advancedNetworking: { security: { transitEncryption: { type: "[parameters('encryption')]" } } } } }, { encryption: { type: 'string' } });
  const inCluster = coverage.slice(0, 4);
  expect(inCluster.map((f) => f.status)).toEqual(['not-verified', 'not-verified', 'not-verified', 'not-verified']);
  expect(inCluster[0].by).toMatch(/^not verified: .*encryption/);
});

test('the API server row reads the access the API server rules read: private, VNet integration, authorized ranges (the pre-GA name too)', () => {
  expect(apiRow({ apiServerAccessProfile: { enablePrivateCluster: true } }).by).toContain('through the private endpoint (Private Link)');
  // ARM coerces "true" as the rules read it.
  expect(apiRow({ apiServerAccessProfile: { enablePrivateCluster: 'true' } }).by).toContain('through the private endpoint (Private Link)');
  expect(apiRow({ apiServerAccessProfile: { enableVnetIntegration: true } }).by).toContain('API Server VNet Integration');
  expect(apiRow({ apiServerAccessProfile: { authorizedIPRanges: ['203.0.113.0/24', '198.51.100.0/24'] } }).by).toContain('limited to 2 authorized IP ranges');
  expect(apiRow({ apiServerAuthorizedIPRanges: ['203.0.113.0/24'] }).by).toContain('limited to 1 authorized IP range)');
  const open = apiRow({});
  expect(open).toMatchObject({ status: 'encrypted', caveat: 'the path leaves the virtual network' });
  expect(open.by).toContain('which no authorized IP range limits');
});

test('an access setting not known offline makes the API server row not verified, with the reason, never a path', () => {
  const row = apiRow({ apiServerAccessProfile: { enablePrivateCluster: "[parameters('private')]" } }, { private: { type: 'bool' } });
  expect(row.status).toBe('not-verified');
  expect(row.by).toMatch(/^not verified: .*private/);
  const ranges = apiRow({ apiServerAccessProfile: { authorizedIPRanges: "[parameters('ranges')]" } }, { ranges: { type: 'array' } });
  expect(ranges.status).toBe('not-verified');
});
