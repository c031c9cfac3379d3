import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { descriptionForm } from '../../../lib/core/audit/audited-resource';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';

/**
 * Microsoft's own request and response examples of the AKS REST API
 * (test/fixtures/aks-rest-examples, with their source): each audited, with the
 * findings a reader of the example expects.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures/aks-rest-examples');
const read = (file: string) => readDocument(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), file);
const audit = (file: string) => describeDeployment([read(file)]).clusters.map((c) => auditCluster(c, descriptionForm(read(file).form, c.resource.origin.pointer)));
const errors = (file: string) => audit(file).map((a) => a.violations.filter((v) => v.rule.severity === 'error').map((v) => `${v.rule.id} ${v.property}`));
const warnings = (file: string) => audit(file).flatMap((a) => a.violations.filter((v) => v.rule.severity === 'warning').map((v) => v.rule.id));

// What every create example shares: a service principal with a secret, local accounts, no Azure RBAC.
const SHARED = ['SAKS-BASE-016 properties.disableLocalAccounts', 'SAKS-BASE-017 properties.aadProfile.enableAzureRBAC', 'SAKS-ID-001 properties.servicePrincipalProfile.clientId'];
const PUBLIC_OPEN = 'SAKS-API-005 properties.apiServerAccessProfile.authorizedIPRanges';
const NODE_PUBLIC_IP = 'SAKS-NET-011 properties.agentPoolProfiles[0].enableNodePublicIP';

test.each([
  // A public API server with no authorized range, node public IPs: open to the internet twice over.
  ['ManagedClustersCreate_EnableEncryptionAtHost.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  ['ManagedClustersCreate_OSSKU.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  ['ManagedClustersCreate_PodIdentity.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  ['ManagedClustersCreate_Premium.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  ['ManagedClustersCreate_AzureServiceMesh.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  ['AdvancedNetworkingTransitEncryption.json', [PUBLIC_OPEN, ...SHARED, NODE_PUBLIC_IP]],
  // The managed NAT gateway example gives its nodes no public IP.
  ['ManagedClustersCreate_ManagedNATGateway.json', [PUBLIC_OPEN, ...SHARED]],
  // Private with a public FQDN: the API server is not open, the rest is as the others.
  ['ManagedClustersCreate_PrivateClusterPublicFQDN.json', [...SHARED, NODE_PUBLIC_IP]],
])('%s: the errors a reader expects', (file, expected) => {
  expect(errors(file).map((e) => [...e].sort())).toEqual([[...expected].sort()]);
});

test('every create example: SSH keys on the nodes, the Free tier where it says so, and Microsoft\'s placeholder region', () => {
  for (const file of fs.readdirSync(FIXTURES).filter((f) => f.startsWith('ManagedClustersCreate_') || f.startsWith('Advanced'))) {
    const w = warnings(file);
    expect(w, file).toContain('SAKS-BASE-009');
    expect(w, file).toContain('SAKS-NAME-008');
    expect(w.includes('SAKS-BASE-007'), file).toBe(file !== 'ManagedClustersCreate_Premium.json');
  }
  // Only the encryption-at-host examples meet that control.
  expect(warnings('ManagedClustersCreate_EnableEncryptionAtHost.json')).not.toContain('SAKS-BASE-005');
  expect(warnings('ManagedClustersCreate_OSSKU.json')).toContain('SAKS-BASE-005');
});

test('the ACNS example is read as WireGuard; its pod traffic across nodes is encrypted, same-node traffic is not', () => {
  const [a] = audit('AdvancedNetworkingTransitEncryption.json');
  expect(a.transitEncryption.kind).toBe('acnsWireGuard');
  const status = Object.fromEntries(a.coverage.map((f) => [f.flow, f.status]));
  expect(status).toMatchObject({ 'pod-to-pod-cross-node': 'encrypted', 'pod-to-pod-same-node': 'unencrypted', 'cross-cluster': 'not-verified' });
  expect(a.baseline.find((c) => c.id === 'transit encryption')?.status).toBe('pass');
  // Cilium enforces network policy when none is named: no ENC-004, no "no network policy".
  expect(a.violations.map((v) => v.rule.id)).not.toContain('SAKS-ENC-004');
  expect(a.violations.map((v) => v.rule.id)).not.toContain('SAKS-BASE-008');
  // ... and the baseline's control reads the network policy engine the same way.
  expect(a.baseline.find((c) => c.id === 'CIS 5.4.4')?.status).toBe('pass');
});

test('a cluster read alone: audit logs, locks and Flux sources are not verified, never reported as passing or failing', () => {
  const [a] = audit('ManagedClustersCreate_Premium.json');
  // A request without maxPods leaves the pods per node to Azure's default, which depends on the network plugin;
  // Standard_DS2_v2 has a temporary disk its name does not show; its Flux configurations are resources of their own, not read.
  expect(a.undecided.map((u) => u.rule.id)).toEqual(['SAKS-GIT-005', 'SAKS-GIT-006', 'SAKS-GIT-007', 'SAKS-GIT-008', 'SAKS-BASE-020', 'SAKS-BASE-021', 'SAKS-BASE-013', 'SAKS-BASE-014']);
  expect(a.baseline.filter((c) => c.status === 'not-verified').map((c) => c.id)).toEqual(['ephemeral OS disks', 'pods per node', 'control-plane audit logs', 'delete locks']);
  expect(a.policies.some((p) => p.state === 'not-verified')).toBe(a.policies.some((p) => /ifnotexists/i.test(p.result.effect)));
  // The private endpoint control: a public API server with no range fails it.
  expect(a.baseline.find((c) => c.id === 'CIS 5.4.1 (control plane endpoint)')?.status).toBe('fail');
  expect(a.baseline.find((c) => c.id === 'CIS 5.4.2 (private endpoint, public access disabled)')?.status).toBe('fail');
  expect(a.egress.publicEgress).toBe('yes');
  // The coverage says what limits the public endpoint from the ranges themselves: here none.
  const api = a.coverage.find((f) => f.flow === 'nodes-to-api-server')!;
  expect(api.by).toContain('which no authorized IP range limits');
  expect(a.violations.map((v) => v.rule.id)).toContain('SAKS-API-005');
});

test('the List example: its cluster in the response body, with RBAC off', () => {
  const [a] = audit('ManagedClustersList.json');
  expect(a.cluster.form).toBe('rest-example-response');
  expect(a.violations.map((v) => `${v.rule.id} ${v.property}`)).toContain('SAKS-BASE-017 properties.enableRBAC');
});

test('the mesh profile examples hold no cluster: nothing is audited (the CLI says so, exit 2)', () => {
  for (const file of ['ManagedClustersGet_MeshRevisionProfile.json', 'ManagedClustersGet_MeshUpgradeProfile.json', 'ManagedClustersList_MeshRevisionProfiles.json', 'ManagedClustersList_MeshUpgradeProfiles.json']) {
    expect(describeDeployment([read(file)]).clusters).toEqual([]);
  }
});
