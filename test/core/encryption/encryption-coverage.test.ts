import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  calicoFelixConfiguration,
  CoverageStatus,
  deriveEncryptionCoverage,
  FLOW_LABELS,
  renderEncryptionCoverage,
  resolveClusterConfig,
  TrafficFlow,
  TransitEncryption,
} from '../../../lib';

const base = { name: 'c', location: 'westeurope' } as const;
/** What a deployment applies besides the cluster: Calico's FelixConfiguration, where Calico WireGuard is chosen. */
const deployedWith = (e: TransitEncryption): unknown[] => (e.kind === 'calicoWireGuard' ? [calicoFelixConfiguration(e)] : []);
const coverage = (transitEncryption: TransitEncryption, extra = {}, objects = deployedWith(transitEncryption)) =>
  Object.fromEntries(deriveEncryptionCoverage(resolveClusterConfig({ ...base, transitEncryption, ...extra }), objects).map((c) => [c.flow, c]));

// The documents' lists, written out independently of the code's table. Microsoft Learn's WireGuard
// concepts page (ACNS): only inter-node pod traffic is encrypted; same-node, node-generated and
// hostNetwork traffic are not. Tigera's Calico-on-AKS article: same-host pod traffic is not encrypted,
// inter-node pod traffic and host-to-host (including host-networked pods) are. The same Learn page on
// VNet encryption: it does not encrypt traffic between VMs on the same physical host.
const DOCUMENTED: Record<string, Record<'pod-to-pod-same-node' | 'pod-to-pod-cross-node' | 'host-network-pods' | 'node-to-node', CoverageStatus>> = {
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

describe.each(Object.keys(DOCUMENTED))('%s', (mechanism) => {
  test.each(Object.entries(DOCUMENTED[mechanism]))('%s is %s', (flow, status) => {
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
  expect(deriveEncryptionCoverage(config, []).find((c) => c.flow === 'cross-cluster')!.status).toBe('not-configured');
  const linked = deriveEncryptionCoverage(config, [], { by: 'mutual TLS, customer CA', sources: [] }).find((c) => c.flow === 'cross-cluster')!;
  expect(linked).toMatchObject({ status: 'encrypted', by: 'mutual TLS, customer CA' });
});

test('the report has a row per flow and a Mermaid diagram coloured by status', () => {
  const rows = deriveEncryptionCoverage(resolveClusterConfig(base), []);
  const md = renderEncryptionCoverage('c', MECHANISMS.acnsWireGuard, rows);
  for (const flow of Object.keys(FLOW_LABELS) as TrafficFlow[]) expect(md).toContain(`| ${FLOW_LABELS[flow]} |`);
  expect(md).toContain('```mermaid');
  expect(md).toContain('"same node: NOT encrypted"');
  expect(md).toContain('"across nodes: encrypted"');
  expect(md.match(/linkStyle \d+ stroke:#c62828/g)).toHaveLength(rows.filter((r) => r.status === 'unencrypted').length);
  expect(md).toContain('ACNS is a paid Azure service');
});

describe('Calico WireGuard counts only when its FelixConfiguration is deployed', () => {
  const calico = TransitEncryption.calicoWireGuard();
  const felix = calicoFelixConfiguration(calico) as any;
  test.each([
    ['no FelixConfiguration at all', [], /no FelixConfiguration "default" is part of this deployment/],
    ['one that does not enable WireGuard', [{ ...felix, spec: { wireguardEnabled: false } }], /does not set wireguardEnabled: true/],
    ['one under another name', [{ ...felix, metadata: { name: 'wireguard' } }], /no FelixConfiguration "default"/],
    ['two that overwrite each other', [felix, { ...felix, apiVersion: 'projectcalico.org/v3' }], /2 FelixConfiguration "default" objects/],
  ])('%s: every flow NOT encrypted, and why', (_, objects, why) => {
    const rows = coverage(calico, {}, objects as unknown[]);
    for (const flow of ['pod-to-pod-cross-node', 'host-network-pods', 'node-to-node']) {
      expect(rows[flow].status).toBe('unencrypted');
      expect(rows[flow].by).toMatch(why);
    }
  });
  test('IPv6 asked for but not enabled by the deployed object', () => {
    const v6 = TransitEncryption.calicoWireGuard({ ipv6: true });
    expect(coverage(v6, {}, [felix])['pod-to-pod-cross-node'].status).toBe('unencrypted');
    expect(coverage(v6)['pod-to-pod-cross-node'].status).toBe('encrypted');
  });
});
