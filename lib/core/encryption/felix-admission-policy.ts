import { AdmissionPolicySpec, admissionMessage, celHasPath, celString } from '../admission/admission-policy';
import { Rules } from '../validation/rule-catalog';
import { Sources } from '../validation/sources';
import { calicoFelixConfiguration, FELIX_DEFAULT_CONFIGURATION } from './calico-felix-configuration';
import { TransitEncryption } from './transit-encryption';

/**
 * The name of the FelixConfiguration policy and its binding.
 * @category Admission policies
 */
export const FELIX_ADMISSION_POLICY = 'secure-aks-calico-wireguard';

/**
 * The admission policy of SAKS-ENC-016: the FelixConfiguration `default`
 * keeps every WireGuard switch the library turns on (`wireguardEnabled`, and
 * `wireguardEnabledV6` with IPv6), the same fields the coverage report reads.
 * It matches both API groups Calico serves the resource under.
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @category Admission policies
 */
export function felixAdmissionPolicy(encryption: TransitEncryption): AdmissionPolicySpec {
  const felix = calicoFelixConfiguration(encryption);
  const switches = Object.entries(felix.spec as Record<string, unknown>)
    .filter(([k, v]) => /^wireguardEnabled/.test(k) && v === true)
    .map(([k]) => k)
    .sort();
  const source = Sources.calicoWireGuard;
  return {
    name: FELIX_ADMISSION_POLICY,
    rule: Rules.calicoFelixNotDeployed,
    source,
    guards: `the FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" keeps ${switches.map((s) => `${s}: true`).join(' and ')}; changes are denied, its deletion is not`,
    flows: ['pod-to-pod-cross-node', 'host-network-pods', 'node-to-node'],
    resourceRules: [{ apiGroups: ['crd.projectcalico.org', 'projectcalico.org'], apiVersions: ['*'], resources: ['felixconfigurations'], operations: ['CREATE', 'UPDATE'] }],
    matchConditions: [{ name: 'felix-default-configuration', expression: `request.name == ${celString(FELIX_DEFAULT_CONFIGURATION)}` }],
    validations: switches.map((s) => ({
      expression: `${celHasPath('object', ['spec', s])} && object.spec.${s} == true`,
      message: admissionMessage(Rules.calicoFelixNotDeployed, `the FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" must keep ${s}: true, or Calico WireGuard is off and pod traffic is not encrypted`, source),
    })),
  };
}
