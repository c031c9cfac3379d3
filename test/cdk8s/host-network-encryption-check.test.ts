import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { expect, test } from 'vitest';
import { SecureAksValidationError, TransitEncryption } from '../../lib';
import { HostNetworkEncryptionCheck } from '../../lib/cdk8s';

function chartWithHostNetworkDaemonSet() {
  const chart = Testing.chart();
  const ds = new kplus.DaemonSet(chart, 'agent', { containers: [{ image: 'example/agent:1' }] });
  ApiObject.of(ds).addJsonPatch(JsonPatch.add('/spec/template/spec/hostNetwork', true));
  return { chart, name: ApiObject.of(ds).name };
}

test('fails cdk8s synth when a hostNetwork workload relies on ACNS WireGuard', () => {
  const { chart, name } = chartWithHostNetworkDaemonSet();
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard() });
  expect(() => Testing.synth(chart)).toThrow(SecureAksValidationError);
  expect(() => Testing.synth(chart)).toThrow(new RegExp(`\\[SAKS-ENC-017\\][\\s\\S]*DaemonSet/${name} sets hostNetwork: true, so its traffic is not encrypted`));
});

test('an acknowledged object passes without the admission policy, and a chart without hostNetwork passes with it', () => {
  const { chart, name } = chartWithHostNetworkDaemonSet();
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard(), acknowledged: [`DaemonSet/${name}`], admissionPolicy: false });
  expect(Testing.synth(chart)).toHaveLength(1);

  const clean = Testing.chart();
  new kplus.Deployment(clean, 'web', { containers: [{ image: 'example/web:1' }] });
  new HostNetworkEncryptionCheck(clean, 'check', { transitEncryption: TransitEncryption.acnsWireGuard() });
  expect(Testing.synth(clean).map((o) => o.kind)).toEqual(['Deployment', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
});

test('an acknowledged workload the cluster\'s admission policy would deny fails the synth', () => {
  const { chart, name } = chartWithHostNetworkDaemonSet();
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard(), acknowledged: [`DaemonSet/${name}`] });
  expect(() => Testing.synth(chart)).toThrow(/\[SAKS-ENC-017\] test: acknowledged DaemonSet\/[\s\S]*admissionPolicy: false/);
});

test('no admission policy where the transit encryption covers hostNetwork pods (Calico host encryption)', () => {
  const chart = Testing.chart();
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.calicoWireGuard() });
  expect(Testing.synth(chart)).toEqual([]);
});

test('the cluster-scoped policy carries no namespace, even in a chart with one', () => {
  const chart = new Chart(Testing.app(), 'workloads', { namespace: 'ledger' });
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard() });
  for (const o of chart.toJson()) expect(o.metadata).not.toHaveProperty('namespace');
});

test('works as a plain function over a chart', () => {
  const { chart, name } = chartWithHostNetworkDaemonSet();
  expect(HostNetworkEncryptionCheck.findingsFor(chart, TransitEncryption.acnsWireGuard()).map((f) => f.object)).toEqual([`DaemonSet/${name}`]);
  expect(HostNetworkEncryptionCheck.findingsFor(chart, TransitEncryption.calicoWireGuard())).toEqual([]);
});

test('an acknowledged workload in a namespace the policy spares passes with the policy on', () => {
  const chart = Testing.chart();
  const ds = new kplus.DaemonSet(chart, 'agent', { metadata: { namespace: 'kube-system' }, containers: [{ image: 'example/agent:1' }] });
  ApiObject.of(ds).addJsonPatch(JsonPatch.add('/spec/template/spec/hostNetwork', true));
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard(), acknowledged: [`DaemonSet/kube-system/${ApiObject.of(ds).name}`] });
  expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['DaemonSet', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
});
