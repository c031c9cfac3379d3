import { expect, test } from 'vitest';
import { findUnencryptedHostNetworkWorkloads, TransitEncryption } from '../../../lib';

const pod = (kind: string, wrap: (spec: object) => object) => ({ kind, metadata: { name: `n-${kind.toLowerCase()}`, namespace: 'ns' }, ...wrap({ hostNetwork: true }) });
const WORKLOADS = [
  pod('Pod', (spec) => ({ spec })),
  pod('Deployment', (spec) => ({ spec: { template: { spec } } })),
  pod('DaemonSet', (spec) => ({ spec: { template: { spec } } })),
  pod('StatefulSet', (spec) => ({ spec: { template: { spec } } })),
  pod('Job', (spec) => ({ spec: { template: { spec } } })),
  pod('CronJob', (spec) => ({ spec: { jobTemplate: { spec: { template: { spec } } } } })),
];

test('ACNS WireGuard: every hostNetwork workload is reported, by name, with why', () => {
  const findings = findUnencryptedHostNetworkWorkloads(WORKLOADS, TransitEncryption.acnsWireGuard());
  expect(findings.map((f) => f.object)).toEqual(WORKLOADS.map((w) => `${w.kind}/ns/${w.metadata.name}`));
  expect(findings[0].message).toMatch(/^Pod\/ns\/n-pod sets hostNetwork: true, so its traffic is not encrypted by acnsWireGuard/);
});

test('Calico WireGuard encrypts host traffic on AKS: nothing to report', () => {
  expect(findUnencryptedHostNetworkWorkloads(WORKLOADS, TransitEncryption.calicoWireGuard())).toEqual([]);
});

test('virtual network encryption covers it only partly, and says so', () => {
  const [first] = findUnencryptedHostNetworkWorkloads(WORKLOADS, TransitEncryption.virtualNetworkEncryption());
  expect(first.message).toContain('only partly encrypted');
});

test('workloads without hostNetwork, and other kinds, are not reported', () => {
  const objects = [
    { kind: 'Deployment', metadata: { name: 'a' }, spec: { template: { spec: { hostNetwork: false } } } },
    { kind: 'Service', metadata: { name: 'b' }, spec: { hostNetwork: true } },
    { kind: 'Pod', metadata: { name: 'c' }, spec: {} },
  ];
  expect(findUnencryptedHostNetworkWorkloads(objects, TransitEncryption.acnsWireGuard())).toEqual([]);
});
