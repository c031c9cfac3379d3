import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { expect, test } from 'vitest';
import {
  calicoFelixConfiguration,
  FELIX_CONFIGURATION_SCHEMA,
  StrictSchemaValidator,
  SecureAksValidationError,
  TransitEncryption,
} from '../../lib';
import { CalicoWireGuardConfiguration } from '../../lib/cdk8s';

const validator = new StrictSchemaValidator();
validator.register('felix', FELIX_CONFIGURATION_SCHEMA);

test('emits FelixConfiguration default with wireguardEnabled only, by default', () => {
  const chart = Testing.chart();
  new CalicoWireGuardConfiguration(chart, 'felix', { transitEncryption: TransitEncryption.calicoWireGuard() });
  const manifest = Testing.synth(chart);
  expect(manifest[0]).toEqual({ apiVersion: 'crd.projectcalico.org/v1', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: { wireguardEnabled: true } });
  // Beside it, the admission policy that keeps WireGuard on, and its binding.
  expect(manifest.slice(1).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
    'ValidatingAdmissionPolicy/secure-aks-calico-wireguard',
    'ValidatingAdmissionPolicyBinding/secure-aks-calico-wireguard',
  ]);
  expect(validator.validate('felix', manifest[0])).toEqual([]);
});

test('never writes settings the AKS operator overrides (routeSource, host encryption)', () => {
  const spec = calicoFelixConfiguration(TransitEncryption.calicoWireGuard({ ipv6: true, mtu: 1340 })).spec as Record<string, unknown>;
  expect(spec).not.toHaveProperty('routeSource');
  expect(spec).not.toHaveProperty('wireguardHostEncryptionEnabled');
});

test('IPv6, MTU, non-default ports and the v3 API group', () => {
  const o = calicoFelixConfiguration(
    TransitEncryption.calicoWireGuard({ ipv6: true, mtu: 1340, mtuV6: 1320, listeningPort: 5820, apiGroup: 'projectcalico.org/v3' }),
  );
  expect(o.apiVersion).toBe('projectcalico.org/v3');
  expect(o.spec).toEqual({ wireguardEnabled: true, wireguardMTU: 1340, wireguardListeningPort: 5820, wireguardEnabledV6: true, wireguardMTUV6: 1320 });
  expect(validator.validate('felix', o)).toEqual([]);
});

test('fails synth when a patch adds a field the schema does not know, or a wrong type', () => {
  const chart = Testing.chart();
  const felix = new CalicoWireGuardConfiguration(chart, 'felix', { transitEncryption: TransitEncryption.calicoWireGuard() });
  ApiObject.of(felix).addJsonPatch(JsonPatch.add('/spec/wireguardEnabeld', true), JsonPatch.replace('/spec/wireguardEnabled', 'yes'));
  expect(() => Testing.synth(chart)).toThrow(/FelixConfiguration\/default \/spec\/wireguardEnabeld: unknown field "wireguardEnabeld"[\s\S]*\/spec\/wireguardEnabled: must be boolean/);
});

test('fails for an encryption other than Calico WireGuard', () => {
  expect(() => calicoFelixConfiguration(TransitEncryption.acnsWireGuard())).toThrow(SecureAksValidationError);
  expect(() => new CalicoWireGuardConfiguration(Testing.chart(), 'felix', { transitEncryption: TransitEncryption.acnsWireGuard() })).toThrow(/\[SAKS-ENC-018\] transitEncryption = "acnsWireGuard"/);
});
