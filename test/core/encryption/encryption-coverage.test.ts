import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  CoverageStatus,
  deriveEncryptionCoverage,
  FLOW_LABELS,
  renderEncryptionCoverage,
  resolveClusterConfig,
  TrafficFlow,
  TransitEncryption,
} from '../../../lib';

const base = { name: 'c', location: 'westeurope' } as const;
const coverage = (transitEncryption: TransitEncryption, extra = {}) =>
  Object.fromEntries(deriveEncryptionCoverage(resolveClusterConfig({ ...base, transitEncryption, ...extra })).map((c) => [c.flow, c]));

// The seeds' lists, written out independently of the code's table:
// seed 000 (ACNS WireGuard): only inter-node pod traffic is encrypted; same-node, node-generated
// and hostNetwork traffic are not. Seed 001 (Calico on AKS): same-host pod traffic is not encrypted,
// inter-node pod traffic and host-to-host (including host-networked pods) are. Seed 000 on VNet
// encryption: it does not encrypt traffic between VMs on the same physical host.
const SEEDS: Record<string, Record<'pod-to-pod-same-node' | 'pod-to-pod-cross-node' | 'host-network-pods' | 'node-to-node', CoverageStatus>> = {
  acnsWireGuard: { 'pod-to-pod-same-node': 'unencrypted', 'pod-to-pod-cross-node': 'encrypted', 'host-network-pods': 'unencrypted', 'node-to-node': 'unencrypted' },
  calicoWireGuard: { 'pod-to-pod-same-node': 'unencrypted', 'pod-to-pod-cross-node': 'encrypted', 'host-network-pods': 'encrypted', 'node-to-node': 'encrypted' },
  virtualNetworkEncryption: { 'pod-to-pod-same-node': 'unencrypted', 'pod-to-pod-cross-node': 'partial', 'host-network-pods': 'partial', 'node-to-node': 'partial' },
  none: { 'pod-to-pod-same-node': 'unencrypted', 'pod-to-pod-cross-node': 'unencrypted', 'host-network-pods': 'unencrypted', 'node-to-node': 'unencrypted' },
};
const MECHANISMS: Record<string, TransitEncryption> = {
  acnsWireGuard: TransitEncryption.acnsWireGuard(),
  calicoWireGuard: TransitEncryption.calicoWireGuard(),
  virtualNetworkEncryption: TransitEncryption.virtualNetworkEncryption(),
  none: TransitEncryption.none(),
};

describe.each(Object.keys(SEEDS))('%s', (mechanism) => {
  test.each(Object.entries(SEEDS[mechanism]))('%s is %s', (flow, status) => {
    const row = coverage(MECHANISMS[mechanism])[flow];
    expect(row.status).toBe(status);
    expect(row.sources.length).toBeGreaterThan(0);
  });
});

test('WireGuard rows say it is not FIPS-validated; VNet encryption rows name the same-host gap', () => {
  expect(coverage(MECHANISMS.acnsWireGuard)['pod-to-pod-cross-node'].caveat).toContain('not FIPS-validated');
  expect(coverage(MECHANISMS.calicoWireGuard)['node-to-node'].caveat).toContain('not FIPS-validated');
  expect(coverage(MECHANISMS.virtualNetworkEncryption)['node-to-node'].caveat).toContain('same physical host');
});

test.each([
  ['private with VNet Integration', ApiServerAccess.private(), /API Server VNet Integration/, undefined],
  ['private over Private Link', ApiServerAccess.private({ vnetIntegration: false }), /Private Link/, undefined],
  ['public with VNet Integration', ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }), /API Server VNet Integration/, undefined],
  ['public', ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }), /public endpoint/, 'the path leaves the virtual network'],
])('nodes to the API server, %s: TLS, and the path', (_, apiServerAccess, path, caveat) => {
  const row = coverage(MECHANISMS.acnsWireGuard, { apiServerAccess })['nodes-to-api-server'];
  expect(row.status).toBe('encrypted');
  expect(row.by).toMatch(/^TLS of the Kubernetes API/);
  expect(row.by).toMatch(path);
  expect(row.caveat).toBe(caveat);
});

test('the cross-cluster row is not configured until a link provides it', () => {
  const config = resolveClusterConfig(base);
  expect(deriveEncryptionCoverage(config).find((c) => c.flow === 'cross-cluster')!.status).toBe('not-configured');
  const linked = deriveEncryptionCoverage(config, { by: 'mutual TLS, customer CA', sources: [] }).find((c) => c.flow === 'cross-cluster')!;
  expect(linked).toMatchObject({ status: 'encrypted', by: 'mutual TLS, customer CA' });
});

test('the report has a row per flow and a Mermaid diagram coloured by status', () => {
  const rows = deriveEncryptionCoverage(resolveClusterConfig(base));
  const md = renderEncryptionCoverage('c', MECHANISMS.acnsWireGuard, rows);
  for (const flow of Object.keys(FLOW_LABELS) as TrafficFlow[]) expect(md).toContain(`| ${FLOW_LABELS[flow]} |`);
  expect(md).toContain('```mermaid');
  expect(md).toContain('"same node: NOT encrypted"');
  expect(md).toContain('"across nodes: encrypted"');
  expect(md.match(/linkStyle \d+ stroke:#c62828/g)).toHaveLength(rows.filter((r) => r.status === 'unencrypted').length);
  expect(md).toContain('ACNS is a paid Azure service');
});
